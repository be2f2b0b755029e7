/**
 * Pages as real archives store them: cut off anywhere, a section heading or a row missing, a label
 * wrapped, a header row dropped. Whatever the damage, no cell is read wrong without a doubt flag:
 * every certain cell holds the figure of its row and column (fast-check, seeded).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../../../src/ingest/report'
import { ACTIVE_2019, ACTIVE_2021, APPS_2019, APPS_2021, REVIEWS_2019, REVIEWS_2021 } from './expected'
import { activeGrid, appsGrid, reviewsGrid } from './helpers'
import { damaged, type Layout } from './variants'

const LAYOUTS: Layout[] = ['cellPerLineBlank', 'cellPerLine', 'pipes', 'pipeCellLines', 'lonePipeRows', 'tabs', 'spaces', 'html']
const DATA = {
  '2021': { active: ACTIVE_2021, apps: APPS_2021, reviews: REVIEWS_2021 },
  '2019': { active: ACTIVE_2019, apps: APPS_2019, reviews: REVIEWS_2019 },
} as const

function truth(format: '2019' | '2021'): Map<string, number> {
  const d = DATA[format]
  const g = { ...Object.fromEntries(Object.entries(activeGrid(d.active)).map(([k, v]) => [`active|${k}`, v])),
    ...Object.fromEntries(Object.entries(appsGrid(d.apps)).map(([k, v]) => [`applications|${k}`, v])),
    ...Object.fromEntries(Object.entries(reviewsGrid(d.reviews)).map(([k, v]) => [`reviews|${k}`, v])) }
  return new Map(Object.entries(g).filter((e): e is [string, number] => e[1] !== null))
}

describe('damaged pages: never a wrong cell without a doubt flag', () => {
  it('cut anywhere, a row, a heading or a header row missing, a label wrapped', () => {
    fc.assert(fc.property(
      fc.constantFrom(...LAYOUTS), fc.constantFrom('2021', '2019'), fc.double({ min: 0.2, max: 1, noNaN: true }),
      fc.nat(40), fc.boolean(), fc.nat(3), fc.nat(30),
      (layout, format, cut, dropRow, dropHeading, dropHeader, wrapRow) => {
        const f = format as '2019' | '2021'
        const text = damaged(f, DATA[f], layout, cut, dropRow, dropHeading, dropHeader, wrapRow)
        const r = parseReport(layout === 'html' ? { html: text } : { text })
        const want = truth(r.format === '2019' ? '2019' : '2021')
        for (const c of [...r.active, ...r.applications, ...r.reviews]) {
          if (c.confidence !== 'certain' || c.unread) continue
          const k = `${c.section}|${c.row}|${c.column}`
          expect([k, c.value]).toEqual([k, want.get(k)])
        }
      }), { seed: 16, numRuns: 400 })
  })
})
