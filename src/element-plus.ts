/**
 * The Element Plus components the app uses, registered one by one: `app.use(ElementPlus)` put all
 * ~80 of them in the first chunk, and that chunk's parse time is most of the time to first paint.
 * A component used in a template must be listed here (a missing one renders nothing and Vue warns).
 */
import type { App } from 'vue'
import {
  ElAlert, ElBadge, ElButton, ElCard, ElCollapse, ElCollapseItem, ElConfigProvider, ElDialog, ElDivider, ElDropdown,
  ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm, ElFormItem, ElIcon, ElInput, ElInputNumber, ElLink, ElLoading, ElOption,
  ElPagination, ElProgress, ElRadioButton, ElRadioGroup, ElResult, ElSelect, ElSelectV2, ElTable, ElTableColumn, ElTag, ElTooltip,
} from 'element-plus'

const COMPONENTS = [
  ElAlert, ElBadge, ElButton, ElCard, ElCollapse, ElCollapseItem, ElConfigProvider, ElDialog, ElDivider, ElDropdown,
  ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm, ElFormItem, ElIcon, ElInput, ElInputNumber, ElLink, ElOption,
  ElPagination, ElProgress, ElRadioButton, ElRadioGroup, ElResult, ElSelect, ElSelectV2, ElTable, ElTableColumn, ElTag, ElTooltip,
]

export function installElementPlus(app: App): void {
  for (const c of COMPONENTS) app.use(c)
  app.use(ElLoading) // v-loading
}
