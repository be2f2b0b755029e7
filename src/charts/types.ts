/** What every option builder receives besides its rows: translation and locale (no Vue here). */
import type { Translate } from '../domain/translate'

export interface ChartCtx {
  t: Translate
  /** 'zh-CN' | 'en' */
  locale: string
}

/** Cells a chart could not show, for the note under it. */
export interface ChartNote {
  /** Values missing or not applicable in loaded reports (left out, never drawn as 0). */
  missing: number
  /** Categories/cells with no report loaded at all. */
  notLoaded: number
}
