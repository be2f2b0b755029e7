/** Unit levels as bundles write them (层级 column), in the UI's language (src/composables/useLevelName). */
export default {
  'zh-CN': {
    levels: { 省: '省', 市: '市', 县: '县', 乡镇: '乡镇', 街道: '街道', 部门: '部门', 镇: '镇', 乡: '乡' },
  },
  en: {
    levels: { 省: 'Province', 市: 'City', 县: 'County', 乡镇: 'Township', 街道: 'Subdistrict', 部门: 'Department', 镇: 'Town', 乡: 'Township' },
  },
}
