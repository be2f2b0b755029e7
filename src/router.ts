/**
 * Hash history (works from any static server and file share without rewrite rules).
 * Each view is one route; the nav is built from `meta.nav`, so a new view slots in by adding a route here.
 */
import { defineAsyncComponent, defineComponent, h, type Component } from 'vue'
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { withElementPlus } from './element-plus'

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

type ViewModule = { default: Component }
const viewLoaders = new Map<string, () => Promise<ViewModule>>()

/**
 * A view loaded when it is first rendered, not when its route is resolved. With `component: () => import(…)`
 * vue-router fetches the view (and ECharts, ~730 KB) during the first navigation, although the shell shows no
 * view until data is loaded; that competed with the shell's first paint and held the page's load event.
 * A plain wrapper (not the async component itself, which vue-router warns about) renders the async view.
 */
function lazyView(name: string, importView: () => Promise<ViewModule>): Component {
  const load = withElementPlus(importView)
  viewLoaders.set(name, load)
  const View = defineAsyncComponent(load)
  return defineComponent({ name: `Route_${name}`, inheritAttrs: false, setup: (_, { attrs }) => () => h(View, attrs) })
}

/** Fetch a route's view chunk ahead of its first render (src/main.ts: once DuckDB is up). */
export function prefetchView(name: unknown): void {
  const load = typeof name === 'string' ? viewLoaders.get(name) : undefined
  if (load) load().catch(() => { /* a failed prefetch is retried by the render */ })
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'overview', component: lazyView('overview', () => import('./views/OverviewView.vue')), meta: { nav: 'nav.overview' } },
  { path: '/active', name: 'active', component: lazyView('active', () => import('./views/ActiveView.vue')), meta: { nav: 'nav.active' } },
  { path: '/applications', name: 'applications', component: lazyView('applications', () => import('./views/ApplicationsView.vue')), meta: { nav: 'nav.applications' } },
  { path: '/reviews', name: 'reviews', component: lazyView('reviews', () => import('./views/ReviewsView.vue')), meta: { nav: 'nav.reviews' } },
  { path: '/unit/:code', name: 'unit', component: lazyView('unit', () => import('./views/UnitView.vue')) },
  { path: '/briefing', name: 'briefing', component: lazyView('briefing', () => import('./views/BriefingView.vue')), meta: { nav: 'nav.briefing' } },
  { path: '/document', name: 'document', component: lazyView('document', () => import('./views/BriefingDocView.vue')), meta: { nav: 'documents.nav' } },
  { path: '/map', name: 'map', component: lazyView('map', () => import('./views/MapView.vue')), meta: { nav: 'map.nav' } },
  { path: '/print', name: 'print', component: lazyView('print', () => import('./views/PrintView.vue')) },
  { path: '/quality', name: 'quality', component: lazyView('quality', () => import('./views/QualityView.vue')), meta: { nav: 'nav.quality' } },
  { path: '/report/:unit/:year', name: 'report', component: lazyView('report', () => import('./views/ReportView.vue')) },
  { path: '/sql', name: 'sql', component: lazyView('sql', () => import('./views/SqlView.vue')), meta: { nav: 'explore.nav.sql', hierarchy: false } },
  { path: '/import', name: 'import', component: lazyView('import', () => import('./views/ImportView.vue')), meta: { nav: 'nav.import', standalone: true, hierarchy: false } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
