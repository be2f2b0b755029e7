/**
 * Tabs of the app tell each other when they change the saved data (BroadcastChannel, same origin): a tab
 * whose saved data another tab replaced or cleared is told, and may save its own again (src/persist/index.ts).
 * Where BroadcastChannel is missing the channel is silent (each tab still works on its own).
 */

/** What a tab did to the saved bundles: appended one, loaded the sample (emptied them), cleared, replaced them by its own. */
export type ChangeKind = 'append' | 'sample' | 'clear' | 'replace'

export interface TabChannel {
  post(kind: ChangeKind): void
  /** Changes made by other tabs. */
  onChange(fn: (kind: ChangeKind) => void): void
  close(): void
}

const CHANNEL_NAME = 'gdd-persist'
const KINDS: readonly ChangeKind[] = ['append', 'sample', 'clear', 'replace']

type ChannelCtor = new (name: string) => BroadcastChannel

export function createTabChannel(name = CHANNEL_NAME, Ctor: ChannelCtor | undefined = globalThis.BroadcastChannel): TabChannel {
  let ch: BroadcastChannel | null = null
  try { ch = Ctor ? new Ctor(name) : null } catch { ch = null }
  const me = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  const fns: ((kind: ChangeKind) => void)[] = []
  if (ch) {
    ch.onmessage = (e: MessageEvent) => {
      const m = e.data as { from?: unknown; kind?: unknown }
      if (m && m.from !== me && KINDS.includes(m.kind as ChangeKind)) for (const fn of fns) fn(m.kind as ChangeKind)
    }
  }
  return {
    post(kind) {
      try { ch?.postMessage({ from: me, kind }) } catch { /* closed */ }
    },
    onChange(fn) { fns.push(fn) },
    close() { ch?.close(); ch = null },
  }
}
