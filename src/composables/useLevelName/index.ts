/** useLevelName — a unit level (省 · 市 · 县 · 乡镇 · 街道 · 部门, as the bundle writes it) in the UI's language. */
import { useI18n } from 'vue-i18n'

export function useLevelName(): (level: string | null | undefined) => string {
  const { t, te } = useI18n()
  return (level) => (level ? (te(`levels.${level}`) ? t(`levels.${level}`) : level) : '')
}
