/**
 * The versions of the national form (report-format.md "Two table formats") as one registry of data.
 * Every other layer asks this module — which version a year should use, which rows and columns a
 * version prints, how its measures map onto the current ones, which rules apply — and never
 * compares a version's name itself. Adding a form version is one entry in FORM_VERSIONS (and its
 * labels in format.ts); tests add a fake one through `registerFormVersion`.
 */
import {
  ACTIVE_ITEMS_2019, ACTIVE_ITEMS_2021, ACTIVE_MEASURES_2019, ACTIVE_MEASURES_2021, APPLICATION_ROWS,
  type ActiveItem, type ActiveMeasure, type ApplicationRow, type FormatVersion,
} from './format'

/** One of the version's measures standing for a measure of the current layout (`approximate` must be said in the UI). */
interface VersionMapping { from: string; to: string; approximate: boolean }

export interface FormVersion {
  /** The version's name: the year of the notice that set it ('2019', '2021'). Data, never branched on outside the domain. */
  id: FormatVersion
  /** The first report year that should use this layout (it applies until the next version's start). */
  startYear: number
  /** The notice that set it. */
  notice: string
  /** Section 二 rows in printed order, each with its measures. */
  activeItems: readonly ActiveItem[]
  /** Section 二 columns of this layout. */
  activeMeasures: readonly ActiveMeasure[]
  /** Section 三 rows in printed order (the applicant columns are the same in every version). */
  applicationRows: readonly ApplicationRow[]
  /** Labels printed only in this layout: a published report containing them is in it (report importer). */
  markers: readonly string[]
  /**
   * How this layout's measures stand for the current layout's ones (charts use the current keys). Absent: the
   * version prints the current measures itself. A current measure with no entry has no counterpart here.
   */
  mapping?: readonly VersionMapping[]
}

const rowsOf = (id: string): ApplicationRow[] => APPLICATION_ROWS.filter((r) => r.formats.includes(id))

/** The built-in versions, oldest first. */
const FORM_VERSIONS: readonly FormVersion[] = [
  {
    id: '2019', startYear: 2019, notice: '国办公开办函〔2019〕60号',
    activeItems: ACTIVE_ITEMS_2019, activeMeasures: ACTIVE_MEASURES_2019, applicationRows: rowsOf('2019'),
    markers: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '政府集中采购', '采购总金额', '其他对外管理服务事项', '本年增/减'],
    mapping: [
      { from: 'made', to: 'issued', approximate: false },
      { from: 'total_published', to: 'in_force', approximate: true },
      { from: 'decisions', to: 'decisions', approximate: false },
    ],
  },
  {
    id: '2021', startYear: 2021, notice: '国办公开办函〔2021〕30号',
    activeItems: ACTIVE_ITEMS_2021, activeMeasures: ACTIVE_MEASURES_2021, applicationRows: rowsOf('2021'),
    markers: ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '逾期不补正', '逾期未按收费通知要求缴纳费用'],
  },
]

// ---------------------------------------------------------------- registry

let registry: FormVersion[] = [...FORM_VERSIONS]
let generation = 0

/**
 * Add a version (tests add a fake third one; a real new form is an entry in FORM_VERSIONS). Returns the
 * function that removes it again. Everything derived from the registry is recomputed after a change.
 */
export function registerFormVersion(v: FormVersion): () => void {
  if (registry.some((x) => x.id === v.id)) throw new Error(`form version ${v.id} is already registered`)
  registry = [...registry, v].sort((a, b) => a.startYear - b.startYear)
  generation++
  return () => {
    registry = registry.filter((x) => x !== v)
    generation++
  }
}

/** A value derived from the registry, rebuilt only when a version is added or removed. */
export function perVersions<T>(build: () => T): () => T {
  let at = -1
  let value: T
  return () => {
    if (at !== generation) { value = build(); at = generation }
    return value
  }
}

/** Every version, oldest first. */
export const formVersions = (): readonly FormVersion[] => registry
/** Every version, newest first (first definition of a key wins: the current wording). */
export const newestFirst = perVersions(() => [...registry].reverse())
export const formVersionIds = (): FormatVersion[] => registry.map((v) => v.id)
export const formVersion = (id: string | null | undefined): FormVersion | undefined => registry.find((v) => v.id === id)
/** The version whose measures the charts use (the newest). */
export const currentVersion = (): FormVersion => registry[registry.length - 1]

/** The version a report for `year` should use; null before the first version (free-form reports). */
export function formFor(year: number): FormVersion | null {
  let found: FormVersion | null = null
  for (const v of registry) if (year >= v.startYear) found = v
  return found
}
/** Which format a year's report should use. Before the first version there is no table format. */
export const expectedFormat = (year: number): FormatVersion | null => formFor(year)?.id ?? null
/** The version of a report: its stated/detected one when known, else the one its year should use. */
export const versionOf = (format: string | null | undefined, year: number): FormVersion =>
  formVersion(format) ?? formFor(year) ?? currentVersion()

// ---------------------------------------------------------------- derived

const union = <T extends { key: string }>(lists: readonly (readonly T[])[]): T[] => {
  const seen = new Map<string, T>()
  for (const l of lists) for (const x of l) if (!seen.has(x.key)) seen.set(x.key, x)
  return [...seen.values()]
}
/** Section 二 rows of every version (current wording first). */
export const allActiveItems = perVersions(() => union(newestFirst().map((v) => v.activeItems)))
/** Section 三 rows of every version in the form's order: a row new in a version follows its predecessor in that version. */
export const allApplicationRows = perVersions(() => {
  const out = [...APPLICATION_ROWS]
  for (const v of newestFirst()) {
    v.applicationRows.forEach((r, i) => {
      if (out.some((x) => x.key === r.key)) return
      const prev = i > 0 ? out.findIndex((x) => x.key === v.applicationRows[i - 1].key) : -1
      out.splice(prev + 1, 0, r)
    })
  }
  return out
})

/**
 * Outcome rows whose sum is `handled`, per format. Where versions print one group with different rows (其他处理:
 * one row in 2019, three in 2021) a report giving the other version's rows is still summed correctly, because the
 * rules and the summary accept any version's complete set of a group's rows.
 */
export function outcomeRowsFor(format: FormatVersion): ApplicationRow[] {
  return (formVersion(format)?.applicationRows ?? []).filter((r) => r.outcome)
}

/** The measure of version `v` standing for current measure `to` (itself when the version prints it), or null. */
export function measureFor(v: FormVersion, to: string): { key: string; approximate: boolean } | null {
  if (!v.mapping) return v.activeMeasures.some((m) => m.key === to) ? { key: to, approximate: false } : null
  const m = v.mapping.find((x) => x.to === to)
  return m ? { key: m.from, approximate: m.approximate } : null
}
/** Versions whose figures are mapped onto the current measures (charts say so). */
export const mappedVersions = (): FormatVersion[] => registry.filter((v) => !!v.mapping).map((v) => v.id)

// ---------------------------------------------------------------- rule applicability (report-format.md)
// Rules that depend on the layout read it here: format_year from `formFor`, absent_rows and handled_sum from each
// version's rows, blank_cells from each row's measures, and these two:

/** Measures of the `regulations` row in any version (no_township_regulations: any of them non-zero breaks it). */
export const regulationMeasures = perVersions(() =>
  [...new Set(newestFirst().flatMap((v) => v.activeItems.filter((i) => i.key === 'regulations').flatMap((i) => i.measures)))])
/** Rows that carry issued, repealed and in_force (in_force_chain applies to them). */
export const inForceChainItems = perVersions(() =>
  [...new Set(newestFirst().flatMap((v) => v.activeItems.filter((i) => ['issued', 'repealed', 'in_force'].every((m) => i.measures.includes(m))).map((i) => i.key)))])
