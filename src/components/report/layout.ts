/**
 * How the report view lays out a report's form: the rows and columns of its version (src/domain/versions.ts),
 * grouped as printed. Pure, so a new form version's layout is tested without Vue.
 */
import { APPLICATION_HEADINGS, type ActiveItem, type ActiveMeasure, type ApplicationRow } from '../../domain/format'
import { versionOf, type FormVersion } from '../../domain/versions'

type HeadingKey = keyof typeof APPLICATION_HEADINGS
interface ActiveGroup { group: string; measures: readonly string[]; items: ActiveItem[] }
type AppLine = { kind: 'heading'; heading: HeadingKey; indent: number } | { kind: 'row'; row: ApplicationRow; indent: number }

export interface FormLayout {
  version: FormVersion
  /** Section 二: rows grouped by 第二十条 item and shared measures. */
  active: ActiveGroup[]
  measures: readonly ActiveMeasure[]
  /** Section 三: the version's rows with the form's group headings. */
  applications: AppLine[]
  /** The version's figures are mapped onto the current measures (the view says how). */
  mapped: boolean
}

/** The layout of a report in `format` (unknown: the version its `year` should use, else the current one). */
export function formLayout(format: string | null | undefined, year: number): FormLayout {
  const version = versionOf(format, year)
  const active: ActiveGroup[] = []
  for (const it of version.activeItems) {
    const g = active.find((x) => x.group === it.group && x.measures.join() === it.measures.join())
    if (g) g.items.push(it)
    else active.push({ group: it.group, measures: it.measures, items: [it] })
  }
  const applications: AppLine[] = []
  const headed = new Set<string>()
  for (const r of version.applicationRows) {
    if (r.key === 'granted') applications.push({ kind: 'heading', heading: 'results', indent: 0 })
    const group = r.key.includes('.') ? r.key.split('.')[0] as HeadingKey : null
    if (group && !headed.has(group)) { headed.add(group); applications.push({ kind: 'heading', heading: group, indent: 1 }) }
    applications.push({ kind: 'row', row: r, indent: group ? 2 : r.outcome || r.key === 'handled' ? 1 : 0 })
  }
  return { version, active, measures: version.activeMeasures, applications, mapped: !!version.mapping }
}
