/** A SQL statement with its bound parameters. Builders in src/queries return these; src/db runs them (db imports these types, never the reverse). */

/** A value bound to a `?` placeholder. */
export type SqlParam = string | number | boolean | null
/** A result row as the driver returns it (builders' row types narrow it). */
export type Row = Record<string, unknown>

export interface Query<Row> {
  sql: string
  params: SqlParam[]
  /** Phantom type of the rows it returns. */
  readonly __row?: Row
}

/** Filters shared by every view. Absent = no restriction. */
export interface Filters {
  yearFrom?: number
  yearTo?: number
  /** Restrict to these units and everything below them in the hierarchy. */
  unitCodes?: string[]
  level?: string
  /**
   * Drill level: the unit whose children the views break down by (its code); views show this unit
   * and everything below it. Absent = the top of the hierarchy.
   */
  drill?: string
  /**
   * Like for like: only the units with data in every year of the range (the other filters applied), so that
   * a change of coverage is never read as a change of activity.
   */
  panel?: boolean
  /**
   * The chart whose click set the unit and/or year filter (cross-filter): that chart keeps its other bars and
   * highlights the pick, the others filter. Query builders ignore it.
   */
  pick?: string
}
