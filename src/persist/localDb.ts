/**
 * The database file last opened from the user's disk, by name, in sessionStorage (this tab, across reloads). A
 * browser keeps no access to a picked file after a reload, and a file has no URL, so a reload comes back to the tab's
 * own data: this lets the page say plainly that the file must be picked again instead of silently showing other data.
 */
const KEY = 'gdd.localDatabase'

function session(): Storage | null {
  try { return globalThis.sessionStorage ?? null } catch { return null } // disabled storage throws
}

/** Remember (a name) or forget (null) the file opened from disk. */
export function rememberLocalDatabase(name: string | null): void {
  try {
    if (name == null) session()?.removeItem(KEY)
    else session()?.setItem(KEY, name)
  } catch { /* disabled or full storage: the reload just will not say it */ }
}

/** The file opened from disk before this page was loaded (null: none). */
export function lastLocalDatabase(): string | null {
  try { return session()?.getItem(KEY) ?? null } catch { return null }
}
