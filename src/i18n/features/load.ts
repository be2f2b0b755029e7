export default {
  'zh-CN': {
    load: {
      cancel: '取消载入',
      cancelled: '已取消载入：之前载入的数据保持不变。',
      dismiss: '知道了',
    },
  },
  en: {
    load: {
      cancel: 'Cancel loading',
      cancelled: 'Loading was cancelled: the data loaded before is unchanged.',
      dismiss: 'Dismiss',
    },
  },
}
