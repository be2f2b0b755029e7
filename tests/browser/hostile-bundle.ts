/** Bundles with hostile unit names, and the nav's routes: shared by csp.test.ts and xss.test.ts. */
import type { Page } from 'playwright-core'
import { generateBundle } from '../../scripts/lib/generate.mjs'

const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** A generated bundle with three township names replaced (whole CSV fields, in every file). */
export function hostileBundle(seed: string, names: string[]): { files: Record<string, string>; reports: number } {
  const g = generateBundle({ reports: 36, years: [2022, 2023], seed })
  const rows = g.files['reports.csv'].split('\n')
  const header = rows[0].split(',')
  const col = header.indexOf('unit_name')
  const picked = [...new Set(rows.slice(1).map((l: string) => l.split(',')[col]).filter((n: string) => n && /[镇乡]$/.test(n)))].slice(0, names.length) as string[]
  if (picked.length < names.length) throw new Error('not enough township names to replace')
  const files: Record<string, string> = {}
  for (const [name, text] of Object.entries(g.files as Record<string, string>)) {
    let t = text
    picked.forEach((from, i) => {
      const to = csvField(names[i])
      t = t.split('\n').map((line) => line.split(',').map((f) => (f === from ? to : f)).join(',')).join('\n')
    })
    files[name] = t
  }
  return { files, reports: g.manifest.counts.reports }
}

/** Hrefs of the nav links (every route the router shows). */
export async function navHrefs(page: Page): Promise<string[]> {
  return page.$$eval('nav a[href]', (as) => [...new Set(as.map((a) => a.getAttribute('href') ?? ''))].filter((h) => h.includes('#/')))
}
