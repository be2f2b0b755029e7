/**
 * A hypothetical third form version for tests only: the 2021 layout plus one section 二 row (公共数据资源)
 * and one 不予处理 reason, used from report year 2027. It is registered through the domain's public API
 * (`registerFormVersion`) — no file outside src/domain knows about it.
 */
import { formFor, type ActiveItem, type ApplicationRow, type FormVersion } from '../../../src/domain'

const base = formFor(2021)!

export const PUBLIC_DATA: ActiveItem = {
  key: 'public_data', zh: '公共数据资源', en: 'Public data resources', group: '第二十条第（十）项', measures: ['issued', 'repealed', 'in_force'],
}
export const ANALYSIS_ROW: ApplicationRow = {
  key: 'rejected.analysis', zh: '6.要求对政府信息进行加工分析', en: 'Requests to analyse information', outcome: 'rejected', formats: ['2027'],
}

const rows = [...base.applicationRows]
rows.splice(rows.findIndex((r) => r.key === 'rejected.confirmation') + 1, 0, ANALYSIS_ROW)

export const FORM_2027: FormVersion = {
  id: '2027', startYear: 2027, notice: '（测试用）',
  activeItems: [...base.activeItems, PUBLIC_DATA],
  activeMeasures: base.activeMeasures,
  applicationRows: rows,
  markers: [...base.markers, '公共数据资源', '加工分析'],
}
