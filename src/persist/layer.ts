/**
 * The published database the tab's saved data was built on (issue 20: a bundle added over a published file copies
 * the file's data into the tab), in localStorage beside the saved bundles (shared by the tabs as they are). A reload
 * reopens the saved database with the file's part in it; when only the added CSV files can be replayed (the database
 * was too big to keep), the page says that the file's part is not there instead of showing less data silently.
 */
const KEY = 'gdd.publishedLayer'

/**
 * The file under the tab's data: its name, whether it came from disk, the reports copied from it, its last file id;
 * `lost`: a reload could replay only the added files, the file's part is not in the saved data.
 */
export interface SavedLayer { path: string; local: boolean; reports: number; baseLast: number; lost: boolean }

function local(): Storage | null {
  try { return globalThis.localStorage ?? null } catch { return null } // disabled storage throws
}

/** Remember the file under the saved data, or forget it (null: the saved data is the tab's own alone). */
export function rememberLayer(l: SavedLayer | null): void {
  try {
    if (l == null) local()?.removeItem(KEY)
    else local()?.setItem(KEY, JSON.stringify(l))
  } catch { /* disabled or full storage: a reload just will not say where the data came from */ }
}

/** The file under the saved data (null: none, or unreadable). */
export function savedLayer(): SavedLayer | null {
  try {
    const v = JSON.parse(local()?.getItem(KEY) ?? 'null') as Partial<SavedLayer> | null
    if (!v || typeof v.path !== 'string' || typeof v.reports !== 'number' || typeof v.baseLast !== 'number') return null
    return { path: v.path, local: v.local === true, reports: v.reports, baseLast: v.baseLast, lost: v.lost === true }
  } catch { return null }
}
