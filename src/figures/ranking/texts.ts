/** The ranking family's own texts (merged into the messages under `figures.ranking` by src/i18n). */
export default {
  'zh-CN': { title: '单位排名' },
  en: { title: 'Unit ranking' },
}
