// National corpus: one complete-profile bundle per province, each in DIR/<province code>/, written province by
// province (only one province's text is ever held in memory), plus DIR/national.json with the counts.
// The summariser reads DIR as one group per province folder (scripts/lib/summarise-part.ts).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateBundle } from './generate.mjs'
import { encodeText } from './encode.mjs'

/** The 31 province-level codes of mainland China (统计用区划代码, first two digits). */
export const PROVINCE_CODES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65']

/**
 * @param {{ out: string, reports: number, provinces: number, years: [number, number], seed: string, breaks: boolean,
 *   labels: 'key'|'zh', eol: string, encoding: string, log?: (s: string) => void }} o
 */
export function writeNational(o) {
  if (o.provinces < 1 || o.provinces > PROVINCE_CODES.length) throw new Error(`--provinces: 1–${PROVINCE_CODES.length}`)
  const counts = []
  const base = Math.floor(o.reports / o.provinces)
  for (let p = 0; p < o.provinces; p++) {
    const code = PROVINCE_CODES[p]
    const reports = base + (p < o.reports % o.provinces ? 1 : 0)
    if (reports === 0) continue
    const t0 = Date.now()
    const { files, manifest } = generateBundle({ reports, years: o.years, seed: `${o.seed}:${code}`, breaks: o.breaks, labels: o.labels, eol: o.eol, provCode: code })
    const dir = join(o.out, code)
    mkdirSync(dir, { recursive: true })
    for (const name of Object.keys(files)) {
      writeFileSync(join(dir, name), encodeText(files[name], o.encoding))
      delete files[name] // let each file's text go as soon as it is written
    }
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, province: code, encoding: o.encoding }) + '\n')
    counts.push({ province: code, reports: manifest.counts.reports, units: manifest.counts.units, breaks: manifest.breaks.length })
    o.log?.(`${dir}: ${manifest.counts.reports} reports, ${manifest.counts.units} units (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  }
  const total = counts.reduce((a, c) => a + c.reports, 0)
  writeFileSync(join(o.out, 'national.json'), JSON.stringify({ seed: o.seed, years: o.years, reports: total, provinces: counts }, null, 2) + '\n')
  return { reports: total, provinces: counts }
}
