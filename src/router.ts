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
    /** false: no hierarchy breadcrumbs above the view (e.g. the SQL console). */
    hierarchy?: boolean
    /** Shown even when no data is loaded (e.g. the report importer, which is how data gets in). */
    standalone?: boolean
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'overview', component: () => import('./views/OverviewView.vue'), meta: { nav: 'nav.overview' } },
  { path: '/active', name: 'active', component: () => import('./views/ActiveView.vue'), meta: { nav: 'nav.active' } },
  { path: '/applications', name: 'applications', component: () => import('./views/ApplicationsView.vue'), meta: { nav: 'nav.applications' } },
  { path: '/reviews', name: 'reviews', component: () => import('./views/ReviewsView.vue'), meta: { nav: 'nav.reviews' } },
  { path: '/unit/:code', name: 'unit', component: () => import('./views/UnitView.vue') },
  // Planned: { path: '/active', name: 'active', component: …, meta: { nav: 'nav.active' } }, applications, reviews,
  // quality, and { path: '/unit/:code', name: 'unit' } (unit profile, reached from charts, not the nav).
  { path: '/briefing', name: 'briefing', component: () => import('./views/BriefingView.vue'), meta: { nav: 'nav.briefing' } },
  { path: '/print', name: 'print', component: () => import('./views/PrintView.vue') },
  { path: '/quality', name: 'quality', component: () => import('./views/QualityView.vue'), meta: { nav: 'nav.quality' } },
  { path: '/report/:unit/:year', name: 'report', component: () => import('./views/ReportView.vue') },
  { path: '/sql', name: 'sql', component: () => import('./views/SqlView.vue'), meta: { nav: 'explore.nav.sql', hierarchy: false } },
  { path: '/import', name: 'import', component: () => import('./views/ImportView.vue'), meta: { nav: 'nav.import', standalone: true, hierarchy: false } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
