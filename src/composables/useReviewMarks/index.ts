/**
 * useReviewMarks — review marks on findings (已确认 / 待更正 / 已说明 + note), kept in localStorage
 * across reloads, shared by every view of the tab (one reactive store).
 */
import { shallowRef, type ShallowRef } from 'vue'
import { onWipe } from '../../persist/wipe'
import {
  findingKey, loadMarks, saveMarks, withMark, STORAGE_KEY,
  type FindingIdentity, type MarkStatus, type ReviewMark,
} from './marks'

export * from './marks'

export interface UseReviewMarksReturn {
  marks: ShallowRef<Record<string, ReviewMark>>
  get(f: FindingIdentity): ReviewMark | null
  set(f: FindingIdentity, status: MarkStatus | null, note?: string): void
  /** Whether the last save reached storage (false: storage full or disabled; marks live until reload). */
  persisted: ShallowRef<boolean>
}

let shared: UseReviewMarksReturn | null = null

const storage = (): Storage | null => { try { return globalThis.localStorage ?? null } catch { return null } }

export function useReviewMarks(): UseReviewMarksReturn {
  if (shared) return shared
  const marks = shallowRef<Record<string, ReviewMark>>(loadMarks(storage()))
  const persisted = shallowRef(true)
  // Another tab of the same app changed the marks.
  globalThis.addEventListener?.('storage', (e: StorageEvent) => {
    if (e.key === STORAGE_KEY) marks.value = loadMarks(storage())
  })
  // 清空数据 (src/persist/wipe.ts): the marks are dropped from memory too.
  onWipe(() => { marks.value = {} })
  shared = {
    marks,
    persisted,
    get: (f) => marks.value[findingKey(f)] ?? null,
    set(f, status, note = '') {
      marks.value = withMark(marks.value, findingKey(f), status, note)
      persisted.value = saveMarks(storage(), marks.value)
    },
  }
  return shared
}
