/**
 * Published databases in the load's words (issue 20): the refusals of src/db/attach.ts as
 * i18n keys (zh-CN/en, `published.*`), so the message follows the language switch and names the file.
 */
import { ref, type Ref } from 'vue'
import { PublishedRefused, PublishedVersionMismatch } from '../../db/attach'
import { lastLocalDatabase, rememberLocalDatabase } from '../../persist'
import type { DashboardError } from '../useDashboard/types'

/** The message keys of a published database's refusal; null for any other error. */
export function keyedError(e: unknown): DashboardError | null {
  if (e instanceof PublishedRefused) return { key: `published.refused.${e.reason}`, params: { file: e.file, ...e.facts } }
  if (e instanceof PublishedVersionMismatch) return { key: 'published.version', params: { file: e.file, ours: e.ours } }
  return null
}

/**
 * The file opened from disk before this page was (re)loaded (`forgotten`): the browser kept no access to it and it
 * has no URL, so the page says it must be picked again; `opened` remembers the file now open, `forget` the notice.
 */
export function localFileNotice(): { forgotten: Ref<string | null>; opened(name: string): void; forget(): void } {
  const forgotten = ref<string | null>(lastLocalDatabase())
  return {
    forgotten,
    opened: (name) => { rememberLocalDatabase(name); forgotten.value = null },
    forget: () => { forgotten.value = null; rememberLocalDatabase(null) },
  }
}
