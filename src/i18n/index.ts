/** vue-i18n setup: zh-CN default, English; the choice is remembered in localStorage. */
import { createI18n } from 'vue-i18n'
import zhCN, { type Messages } from './zh-CN'
import en from './en'

export type AppLocale = 'zh-CN' | 'en'
export const LOCALES: readonly AppLocale[] = ['zh-CN', 'en']
export const messages: Record<AppLocale, Messages> = { 'zh-CN': zhCN, en }

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

export { createTranslate } from './translate'
