/** Row shapes of the analysis views (queries → option builders → data tables). Missing = null, never 0. */
import type { ReviewBlock } from '../../domain'

/** Active disclosure and section 二 figures per year (2019 measures mapped to 2021 where the form allows). */
export interface ActiveYearRow {
  year: number
  reports: number
  /** Sum of stated active_total; null when no report states it. */
  activeTotal: number | null
  activeMissing: number
  /** Normative documents (行政规范性文件): 2021 issued / 2019 made. */
  docsIssued: number | null
  /** 2021 only (2019 has no counterpart). */
  docsRepealed: number | null
  /** 2021 in_force / 2019 total_published (approximate). */
  docsInForce: number | null
  /** Reports in a layout whose figures are mapped onto the current measures (the 2019 layout; domain `mappedVersions`). */
  reports2019: number
  licensing: number | null
  penalty: number | null
  coercion: number | null
  /** 2021 layout only: fees collected, 10k yuan. */
  feeAmount: number | null
}

/** One unit's indicator in a year and the year before (rankings). */
export interface RankingRow {
  unitCode: string
  unitName: string
  parentName: string | null
  year: number
  value: number | null
  prev: number | null
  /** (value − prev) ÷ prev; null when prev is 0 or missing. */
  yoy: number | null
  /** value − prev (for rates: percentage points ÷ 100); null when either is missing. */
  diff?: number | null
  /** Units with a value in the ranking year; the latest filtered year and its units (caption). */
  yearUnits?: number
  latestYear?: number | null
  latestUnits?: number
}

/** Applications flow per year (total column). */
export interface FlowYearRow {
  year: number
  received: number | null
  carriedIn: number | null
  handled: number | null
  carriedOut: number | null
  /** Reports of the year with a section 三 table. */
  reports: number
}

/** Applications received per applicant type and year. */
export interface ApplicantYearRow {
  year: number
  natural_person: number | null
  commercial: number | null
  research: number | null
  social_welfare: number | null
  legal_service: number | null
  other_org: number | null
  total: number | null
  /** Reports of the year with a section 三 table. */
  reports: number
}

/** One reason row (withheld.* / unavailable.* / rejected.*), total column summed. */
export interface ReasonRow {
  row: string
  group: 'withheld' | 'unavailable' | 'rejected'
  count: number | null
}

/** Disclosure rate per unit. */
export interface DisclosureUnitRow {
  unitCode: string
  unitName: string
  granted: number | null
  partial: number | null
  handled: number | null
  /** (granted + partial) ÷ handled; null when handled is 0 or missing. */
  rate: number | null
  /** Reports behind the rate, and the latest of their years. */
  reports?: number
  year?: number
  /** Units within the filters (and basis) without a section 三 table, left out. */
  unitsWithout?: number
}

export { REVIEW_BLOCK_KEYS } from '../../domain'

/** One review block in one category (a year, or a unit): the five cells summed. */
export interface ReviewRow {
  /** Year as text, or unit code. */
  key: string
  label: string
  block: ReviewBlock | 'all'
  upheld: number | null
  corrected: number | null
  other: number | null
  pending: number | null
  total: number | null
  /** corrected ÷ (upheld + corrected + other); null when none concluded. */
  correctionRate: number | null
  /** Reports with this block's total stated (block `all`: with any block's total). */
  reports?: number
}

/** One indicator of one unit in one year against its peers (same parent and level, same year). */
export interface UnitProfileRow {
  indicator: string
  year: number
  unitName: string
  value: number | null
  prev: number | null
  yoy: number | null
  /** value − prev (rates: as a fraction; shown in percentage points). */
  diff?: number | null
  p25: number | null
  p50: number | null
  p75: number | null
  /** 1 = highest among peers with a value; null when the unit has none. */
  rank: number | null
  /** Peers (the unit included) with a value this year. */
  peers: number
}
