/**
 * Row shapes returned by the query builders (src/queries/*) and consumed by the option builders
 * (src/charts/*). Numbers are plain JS numbers; a missing value is null, never 0.
 */
import type { Severity } from '../domain/rules'

/** Headline figures for the overview (filters applied). */
export interface OverviewRow {
  reports: number
  units: number
  years: number
  yearMin: number | null
  yearMax: number | null
  /** Sum of active_total over reports that state it; null when none does. */
  activeTotal: number | null
  /** Reports whose active_total is missing/not applicable (left out of activeTotal). */
  activeMissing: number
  received: number | null
  granted: number | null
  partial: number | null
  handled: number | null
  /** (granted + partial) ÷ handled, null when handled = 0 or missing. */
  disclosureRate: number | null
  findingsError: number
  findingsWarning: number
  findingsInfo: number
}

/** active_total per unit and year. One row per loaded report. */
export interface ActiveByUnitYearRow {
  unitCode: string
  unitName: string
  parentName: string | null
  year: number
  activeTotal: number | null
  /** Merged rows only (unitCode = ''): units merged in all, reports and blank totals of this year among them. */
  mergedUnits?: number | null
  mergedReports?: number | null
  mergedMissing?: number | null
}

type OutcomeGroupKey = 'granted' | 'partial' | 'withheld' | 'unavailable' | 'rejected' | 'other'

/** Outcome counts of `handled` (total column) per category (a unit, or a year). */
export type OutcomeRow = {
  /** Category key: unit_code for by-unit, the year as text for by-year. */
  key: string
  label: string
  granted: number | null
  partial: number | null
  withheld: number | null
  unavailable: number | null
  rejected: number | null
  other: number | null
  handled: number | null
  /** Outcome cells that were missing or not applicable in this category (left out). */
  missingCells: number
  /** By unit: how many units pass the filters (the query returns the largest only). */
  unitsTotal?: number
  /** By unit: units within the filters (and basis) without a section 三 table, left out. */
  unitsWithout?: number
  /** Reports with a section 三 table behind the category. */
  reports?: number
  /** By year: every report of the year (with or without the table). */
  allReports?: number
  /** Reports whose outcome table is incomplete (a group with an absent or blank row): left out of the shares. */
  incomplete?: number
} & { [K in `miss_${OutcomeGroupKey}`]?: number } & { [K in `share_${OutcomeGroupKey}`]?: number | null }

/** A unit for the filter tree. */
export interface UnitRow {
  unitCode: string
  unitName: string
  parentCode: string | null
  parentName: string | null
  level: string | null
  reports: number
}

/** A distinct loaded year. */
export interface YearRow {
  year: number
}

/** A data-quality finding (file-level ones have no unit/year). A type, not an interface: rows are records (useQuery's Row). */
export type FindingRow = {
  rule: string
  severity: Severity
  unitCode: string | null
  unitName: string | null
  year: number | null
  /** Table involved: reports · active · applications · reviews · summary … */
  table: string | null
  cells: string | null
  left: number | null
  right: number | null
  /** Path of the file inside the bundle, and the 1-based source line. */
  file: string | null
  line: number | null
  /** Column header as written in the file (cell-level findings). */
  column: string | null
  raw: string | null
  message: string
}

/** Findings per severity and rule, unfiltered (findingsPerRuleQuery: the briefing deck's summary). */
export type FindingsPerRuleRow = { severity: string; rule: string; n: number }

export type FindingCountRow = {
  rule: string
  severity: Severity
  count: number
}
