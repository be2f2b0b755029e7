/**
 * The form's labels in the UI's language: the official Chinese label (verbatim, as printed on the form) or the
 * English one of src/domain/format.ts; group headings "第二十条第（五）项" as "Article 20 (5)".
 */
import { useI18n } from 'vue-i18n'

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

function articleEn(zh: string): string {
  const m = /第二十条第（(.+)）项/.exec(zh)
  return m ? `Article 20 (${CN[m[1]] ?? m[1]})` : zh
}

export function useFormLabel(): { label: (l: { zh: string; en: string }) => string; group: (zh: string) => string } {
  const { locale } = useI18n()
  return {
    label: (l) => (locale.value === 'en' ? l.en : l.zh),
    group: (zh) => (locale.value === 'en' ? articleEn(zh) : zh),
  }
}
