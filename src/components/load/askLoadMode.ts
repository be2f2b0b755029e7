/**
 * "Replace or add?" — asked when a bundle is picked or dropped while the user's own data or a published database is
 * shown (the sample is always replaced). Resolves 'replace', 'add', or null when the dialog is closed (nothing is
 * loaded). Over a published database adding copies its data into the tab first (src/db/adopt.ts): the question says
 * so, and warns when the file is big.
 */
import { ElMessageBox } from 'element-plus'
import type { LoadMode } from '../../composables/useDashboard'

type T = (key: string, named?: Record<string, unknown>) => string

/**
 * From this many reports the copy is worth a warning: about the size above which the tab's database is no longer
 * kept for a reload (KEEP_MAX_ROWS in src/db/snapshot.ts, ≈ 20,000 reports), and a renderer of a GB or more.
 */
const BIG_COPY_REPORTS = 20_000

export async function askLoadMode(t: T, loaded: { reports: number; units: number }, over?: { path: string; reports: number } | null): Promise<LoadMode | null> {
  const text = over
    ? [t('published.modeQuestion', over), ...(over.reports >= BIG_COPY_REPORTS ? [t('published.modeBig', over)] : [])].join('\n\n')
    : t('loader.modeQuestion', loaded)
  try {
    await ElMessageBox.confirm(text, t(over ? 'published.modeTitle' : 'loader.modeTitle'), {
      type: over && over.reports >= BIG_COPY_REPORTS ? 'warning' : 'info',
      confirmButtonText: t(over ? 'published.modeAdd' : 'loader.modeAdd'),
      cancelButtonText: t(over ? 'published.modeReplace' : 'loader.modeReplace'),
      distinguishCancelAndClose: true,
      customClass: 'load-mode-dialog',
    })
    return 'add'
  } catch (action) {
    return action === 'cancel' ? 'replace' : null
  }
}
