/**
 * Hash history (works from any static server and file share without rewrite rules).
 * Each view is one route; the nav is built from `meta.nav`, so new views (active disclosure,
 * applications, reviews, data quality, unit profile) slot in by adding a route here.
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the nav label; routes without it are not in the nav. */
    nav?: string
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'overview', component: () => import('./views/OverviewView.vue'), meta: { nav: 'nav.overview' } },
  // Planned: { path: '/active', name: 'active', component: …, meta: { nav: 'nav.active' } }, applications, reviews,
  // quality, and { path: '/unit/:code', name: 'unit' } (unit profile, reached from charts, not the nav).
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
