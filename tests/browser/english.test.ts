/**
 * The English UI is complete: on a sparse bundle (long Chinese names, partial tables, findings), every route in
 * English shows no CJK text outside data values — unit and parent names, file paths, headers and cells as
 * written, source text — and text marked as another language (lang="zh-CN": the language switch). Scanned: the DOM's visible text and its title/aria-label/placeholder/alt attributes, and
 * the texts each chart's export draws (axis and bar labels, legend, notes).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { generateSparseBundle } from '../../scripts/lib/sparse.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
import { appUrl, assertPrivate, openSession, query, type Session, twoFrames, uploadFiles, waitForReady, waitForReports, WORK_BOUND } from './helpers'

const bundle = generateSparseBundle({ units: 40, seed: 'english-40', breaks: true })
const CJK = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\ufe30-\ufe4f]/

/** Data values shown verbatim (never translated), longest first so that a name is removed before its parts. */
async function dataValues(page: Page): Promise<string[]> {
  const rows = await query<{ v: string | null }>(page, `
    SELECT unit_name AS v FROM units UNION SELECT parent_name FROM units UNION SELECT unit_name FROM summary
    UNION SELECT parent_name FROM summary UNION SELECT path FROM files UNION SELECT header FROM file_cols
    UNION SELECT raw FROM findings UNION SELECT raw FROM cell_issues UNION SELECT source FROM reports`)
  return [...new Set(rows.map((r) => r.v).filter((v): v is string => !!v && CJK.test(v)))].sort((a, b) => b.length - a.length)
}

/** Visible texts of the page (text nodes and text-bearing attributes). */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const visible = (el: Element | null): boolean => !!el && (el as HTMLElement).getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim()
      // text marked as another language (the language switch's "中文") is that language on purpose
      const lang = n.parentElement?.closest('[lang]')?.getAttribute('lang')
      if (text && visible(n.parentElement) && !n.parentElement?.closest('script,style') && (!lang || lang === 'en')) out.push(text)
    }
    for (const el of document.querySelectorAll('[title],[aria-label],[placeholder],[alt]')) {
      if (!visible(el)) continue
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) { const v = el.getAttribute(a); if (v) out.push(v) }
    }
    return out
  })
}

/** What a chart's export draws (caption, notes, labels). */
async function chartTexts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const d = window.__dashboard!
    const ids = [...document.querySelectorAll('[data-chart-id]')].map((e) => e.getAttribute('data-chart-id')!)
    const out: string[] = []
    for (const id of ids) for (const t of (await d.exportTexts?.(id)) ?? []) out.push(`[${id}] ${t}`)
    return out
  })
}

function cjkLeft(texts: string[], values: string[]): string[] {
  const bad: string[] = []
  for (const t of texts) {
    let rest = t
    for (const v of values) if (rest.includes(v)) rest = rest.split(v).join('')
    if (CJK.test(rest)) bad.push(t.slice(0, 160))
  }
  return [...new Set(bad)]
}

describe('English UI: no CJK outside data values', () => {
  let s: Session
  let values: string[] = []
  let unit = ''
  let report = ''
  beforeAll(async () => {
    s = await openSession({ viewport: { width: 1366, height: 900 } })
    await s.page.addInitScript(() => localStorage.setItem('gdd.locale', 'en'))
    await s.page.goto(appUrl('/?nosample=1'))
    await waitForReady(s.page)
    await uploadFiles(s.page, encodeFiles(bundle.files, 'utf8'))
    await waitForReports(s.page, bundle.manifest.counts.reports)
    values = await dataValues(s.page)
    const [u] = await query<{ c: string; y: number }>(s.page, `SELECT f.unit_code AS c, f.year::INTEGER AS y FROM findings f
      WHERE f.unit_code IS NOT NULL AND f.year IS NOT NULL ORDER BY f.severity, f.unit_code LIMIT 1`)
    unit = u.c
    report = `${u.c}/${u.y}`
  })
  afterAll(async () => { await s?.close() })

  const routes = (): [string, string][] => [
    ['/', 'view-overview'], ['/active', 'view-active'], ['/applications', 'view-applications'], ['/reviews', 'view-reviews'],
    ['/quality', 'view-quality'], [`/unit/${encodeURIComponent(unit)}`, 'view-unit'], [`/report/${report}`, 'view-report'],
    ['/briefing', 'view-briefing'], ['/print', 'view-print'], ['/sql', 'view-sql'], ['/import', 'view-import'],
    ['/document', 'briefing-doc'], ['/map', 'view-map'],
  ]

  test('every route, its charts and its open findings list', async () => {
    const page = s.page
    const problems: string[] = []
    for (const [hash, id] of routes()) {
      await page.evaluate((h) => { location.hash = h }, `#${hash}?nosample=1`)
      await page.waitForSelector(`[data-testid="${id}"]`, { timeout: WORK_BOUND })
      await page.evaluate(() => window.__dashboard!.idle())
      if (hash === '/') {
        // open the findings list, and put a chart into the pack for /briefing and /print
        await page.locator('[data-testid="findings-panel"] .el-collapse-item__header').first().click()
        await page.locator('[data-testid="findings-table"]').waitFor()
        const panel = page.locator('[data-chart-id="active-bars"]')
        await panel.locator('[data-testid="export-menu"]').click()
        await page.locator('[data-menu-for="active-bars"] [data-testid="add-to-pack"]').click()
      }
      if (hash === '/print') await page.waitForSelector('[data-testid="view-print"][data-ready="true"]', { timeout: WORK_BOUND })
      // what the answered queries changed is painted (two frames), not a fixed 300 ms
      await twoFrames(page)
      for (const t of cjkLeft([...await pageTexts(page), ...await chartTexts(page)], values)) problems.push(`${hash}: ${t}`)
    }
    expect(problems).toEqual([])
  })
  test('privacy: nothing left 127.0.0.1', () => { assertPrivate(s) })
})
