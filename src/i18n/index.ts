/** vue-i18n setup: zh-CN default, English; the choice is remembered in localStorage. */
import { createI18n } from 'vue-i18n'
import zhCN, { type Messages } from './zh-CN'
import en from './en'

export type AppLocale = 'zh-CN' | 'en'
export const LOCALES: readonly AppLocale[] = ['zh-CN', 'en']

/**
 * Each feature keeps its strings in src/i18n/features/<feature>.ts as `{ 'zh-CN': {...}, en: {...} }`
 * under its own top-level key, so features are added without editing the shared message files.
 */
type FeatureMessages = Record<AppLocale, Record<string, unknown>>
const features = import.meta.glob<FeatureMessages>('./features/*.ts', { eager: true, import: 'default' })
/** A figure family's own texts (src/figures/<family>/texts.ts, `{ 'zh-CN': {...}, en: {...} }`) go under `figures.<family>`. */
const figureTexts = import.meta.glob<FeatureMessages>('../figures/*/texts.ts', { eager: true, import: 'default' })
function withFeatures(locale: AppLocale, base: Messages): Messages {
  const out: Record<string, unknown> = { ...base }
  for (const f of Object.values(features)) Object.assign(out, f[locale])
  out.figures = Object.fromEntries(Object.entries(figureTexts).map(([path, t]) => [path.split('/')[2], t[locale]]))
  return out as Messages
}
export const messages: Record<AppLocale, Messages> = { 'zh-CN': withFeatures('zh-CN', zhCN), en: withFeatures('en', en) }

const STORAGE_KEY = 'gdd.locale'

function initialLocale(): AppLocale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (saved === 'en' || saved === 'zh-CN') return saved
  } catch { /* storage disabled: fall back to the default */ }
  return 'zh-CN'
}

export const i18n = createI18n<[Messages], AppLocale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages,
})

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try { localStorage.setItem(STORAGE_KEY, locale) } catch { /* ignore */ }
}
