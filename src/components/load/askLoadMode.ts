/**
 * "Replace or add?" — asked when a bundle is picked or dropped while the user's own data is loaded (the sample
 * is always replaced). Resolves 'replace', 'add', or null when the dialog is closed (nothing is loaded).
 */
import { ElMessageBox } from 'element-plus'
import type { LoadMode } from '../../composables/useDashboard'

type T = (key: string, named?: Record<string, unknown>) => string

export async function askLoadMode(t: T, loaded: { reports: number; units: number }): Promise<LoadMode | null> {
  try {
    await ElMessageBox.confirm(t('loader.modeQuestion', loaded), t('loader.modeTitle'), {
      type: 'info',
      confirmButtonText: t('loader.modeAdd'),
      cancelButtonText: t('loader.modeReplace'),
      distinguishCancelAndClose: true,
      customClass: 'load-mode-dialog',
    })
    return 'add'
  } catch (action) {
    return action === 'cancel' ? 'replace' : null
  }
}
