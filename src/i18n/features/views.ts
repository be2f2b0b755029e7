/** Strings shared by the analysis views' scaffolding: error-input badges, unit-profile links, click hints. */
export default {
  'zh-CN': {
    views: {
      errorInputs: '{n} 个单位年度存在错误级数据质量问题',
      errorInputsTip: '本图所用数据中有 {n} 个单位年度存在错误级数据质量问题（如合计不符、文字单元格），数字可能不准确。点击查看数据质量明细。',
      openProfile: '单位画像',
      openProfileOf: '打开“{name}”的单位画像',
      clickHint: '点击图中的单位柱或热力格：其他图表按该单位（及年度）联动筛选；按住 Ctrl（Mac 为 ⌘）点击，或点击筛选标签上的“单位画像”，打开单位画像。',
    },
  },
  en: {
    views: {
      errorInputs: '{n} unit-years with error-level data-quality findings',
      errorInputsTip: '{n} unit-years behind this chart have error-level data-quality findings (e.g. totals that do not add up, text cells); figures may be wrong. Click to see them in Data quality.',
      openProfile: 'Unit profile',
      openProfileOf: 'Open the unit profile of "{name}"',
      clickHint: 'Click a unit bar or heatmap cell to filter the other charts to it (and its year); Ctrl-click (⌘ on Mac) it, or use "Unit profile" on the filter tag, to open its profile.',
    },
  },
}
