/**
 * Uploading a generated bundle of ≥ 200 reports through the file input, as UTF-8 and as GB18030:
 * the summary and the active-disclosure charts show exactly what the files say.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles, type TextEncodingName } from '../../scripts/lib/encode.mjs'
import { barValues, bundleFacts, heatmapValues } from './bundle-facts'
import { assertPrivate, freshStart, openSession, uploadFiles, waitForOption, waitForReady, waitForReports, type Session } from './helpers'

// 216 reports = 36 units × 2019–2024: both layouts, and few enough units that the bars are not cut to a top-N.
const bundle = generateBundle({ reports: 216, years: [2019, 2024], seed: 'upload-216', breaks: false })
const facts = bundleFacts([bundle.files['reports.csv']])
// One browser for the three cases; each starts as a first visit (freshStart: the origin's storage cleared, as the
// app persists what it loaded), so nothing loaded before is there.
let s: Session
beforeAll(async () => { s = await openSession() })
afterAll(async () => { await s?.close() })

describe.each<[TextEncodingName, 'key' | 'zh']>([['utf8', 'key'], ['gb18030', 'key'], ['gb18030', 'zh']])('upload %s bundle (%s headers)', (encoding, labels) => {
  const files = labels === 'key' ? bundle.files : generateBundle({ reports: 216, years: [2019, 2024], seed: 'upload-216', breaks: false, labels: 'zh', eol: '\r\n' }).files
  test('summary: reports, units and years of the files', async () => {
    expect(facts.reportCount).toBe(216)
    await freshStart(s, '/?nosample=1')
    await waitForReady(s.page)
    await uploadFiles(s.page, encodeFiles(files, encoding))
    const summary = await waitForReports(s.page, facts.reportCount)
    expect({ reports: summary.reports, units: summary.units, years: summary.years }).toEqual({
      reports: facts.reportCount, units: facts.unitCount, years: facts.yearCount,
    })
    expect(await s.page.getAttribute('[data-testid="load-summary"]', 'data-sample')).not.toBe('true')
  })

  test('heatmap and bars: every unit × year value equals active_total in reports.csv', async () => {
    const heat = heatmapValues(await waitForOption(s.page, 'active-heatmap', (o) => heatmapValues(o).size >= facts.reportCount))
    const bars = barValues(await waitForOption(s.page, 'active-bars', (o) => barValues(o).size > 0))
    expect(heat.size).toBe(facts.reportCount)
    const wrongHeat = [...facts.activeByNameYear].filter(([k, v]) => heat.get(k) !== v)
    const wrongBars = [...facts.activeByNameYear].filter(([k, v]) => (bars.get(k) ?? null) !== v)
    expect(wrongHeat.slice(0, 5), 'heatmap cells differing from reports.csv').toEqual([])
    expect(wrongBars.slice(0, 5), 'bars differing from reports.csv').toEqual([])
  })

  test('privacy: every request of the page and its workers stayed on 127.0.0.1', () => {
    assertPrivate(s)
  })
})
