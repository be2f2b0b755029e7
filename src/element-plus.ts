/**
 * The Element Plus components the app uses, registered one by one: `app.use(ElementPlus)` put all
 * ~80 of them in the first chunk, and that chunk's parse time is most of the time to first paint.
 * A component used in a template must be listed here (a missing one renders nothing and Vue warns),
 * and its styles must be in src/styles/element-plus.css.
 *
 * Two groups. SHELL: what the app shell renders before any data (header, loader, language switch,
 * progress, notices, error, empty state) — registered before mount, in the first chunk. The others
 * (tables, selects, forms, dialogs, dropdowns, v-loading, …) are only rendered by the route views and the
 * data panels of the shell, which all wait for `ensureElementPlus()` before they render (src/router.ts,
 * src/App.vue); they are fetched after the first paint.
 */
import type { App } from 'vue'
import { ElAlert, ElButton, ElConfigProvider, ElEmpty, ElIcon, ElProgress, ElRadio, ElResult, ElTooltip } from 'element-plus'

// Sub-components (ElRadioGroup/ElRadioButton, ElTableColumn, ElOption, ElFormItem, ElDropdownItem/Menu,
// ElCollapseItem) register nothing themselves: their parent's install registers them. Without ElRadio the
// language switch rendered bare <el-radio-group>/<el-radio-button> elements.
const SHELL = [ElAlert, ElButton, ElConfigProvider, ElEmpty, ElIcon, ElProgress, ElRadio, ElResult, ElTooltip]

let target: App | null = null
let rest: Promise<void> | null = null

export function installElementPlus(app: App): void {
  for (const c of SHELL) app.use(c)
  target = app
}

/**
 * Registers the components that only views and data panels use (once; resolves when they are registered).
 * Imported from their own modules: a dynamic import('element-plus') made the bundler put the whole library
 * (~400 KB) in a chunk that the first one depends on.
 */
export function ensureElementPlus(): Promise<void> {
  rest ??= Promise.all([
    import('element-plus/es/components/badge/index.mjs'),
    import('element-plus/es/components/card/index.mjs'),
    import('element-plus/es/components/checkbox/index.mjs'),
    import('element-plus/es/components/collapse/index.mjs'),
    import('element-plus/es/components/dialog/index.mjs'),
    import('element-plus/es/components/divider/index.mjs'),
    import('element-plus/es/components/dropdown/index.mjs'),
    import('element-plus/es/components/form/index.mjs'),
    import('element-plus/es/components/input/index.mjs'),
    import('element-plus/es/components/input-number/index.mjs'),
    import('element-plus/es/components/link/index.mjs'),
    import('element-plus/es/components/loading/index.mjs'),
    import('element-plus/es/components/pagination/index.mjs'),
    import('element-plus/es/components/select/index.mjs'),
    import('element-plus/es/components/select-v2/index.mjs'),
    import('element-plus/es/components/table/index.mjs'),
    import('element-plus/es/components/tag/index.mjs'),
  ]).then(([badge, card, checkbox, collapse, dialog, divider, dropdown, form, input, inputNumber, link, loading, pagination, select, selectV2, table, tag]) => {
    const app = target
    if (!app) throw new Error('installElementPlus(app) must run first')
    for (const c of [
      badge.ElBadge, card.ElCard, checkbox.ElCheckbox, collapse.ElCollapse, dialog.ElDialog, divider.ElDivider, dropdown.ElDropdown, form.ElForm, input.ElInput,
      inputNumber.ElInputNumber, link.ElLink, pagination.ElPagination, select.ElSelect, selectV2.ElSelectV2, table.ElTable, tag.ElTag,
    ]) app.use(c)
    app.use(loading.ElLoading) // v-loading
  }).catch((e: unknown) => {
    rest = null // the next view or panel tries again
    throw e
  })
  return rest
}

/** A chunk that renders Element Plus components beyond the shell's: its import and `ensureElementPlus()`, in parallel. */
export function withElementPlus<M>(importer: () => Promise<M>): () => Promise<M> {
  return () => Promise.all([importer(), ensureElementPlus()]).then(([m]) => m)
}
