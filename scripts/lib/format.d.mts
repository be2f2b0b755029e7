type Pair = [string, string]
export const APPLICANT_COLUMNS: Pair[]
export const APPLICANT_PARTS: string[]
export const APPLICATION_ROWS: [string, string, string | null, string][]
export function applicationRows(format: '2019' | '2021'): [string, string, string | null, string][]
export function outcomeRows(format: '2019' | '2021'): [string, string, string | null, string][]
export const APP_LABEL: Record<string, string>
export const ACTIVE_MEASURES: Pair[]
export const ACTIVE_ITEMS: Record<'2019' | '2021', [string, string, string[]][]>
export const REVIEW_COLUMNS: Pair[]
export const REVIEW_BLOCK_KEYS: string[]
export const REPORT_COLUMNS: Pair[]
export const UNIT_COLUMNS: Pair[]
export const KEY_COLUMNS: Pair[]
export function formatForYear(year: number): '2019' | '2021'
