/** Strings of browser persistence (src/persist) and its StorageNotice. */
export default {
  'zh-CN': {
    persist: {
      quota: '浏览器存储空间不足，本次数据仅保存在当前页面，刷新后需重新载入',
      unavailable: '浏览器存储不可用（可能处于无痕模式或已禁用站点数据），本次数据仅保存在当前页面，刷新后需重新载入',
      error: '数据未能保存到浏览器存储，本次数据仅保存在当前页面，刷新后需重新载入',
      title: '数据未保存',
      paintedSaved: '图表显示的是上次保存的结果，数据库启动后即更新为实时数据',
    },
  },
  en: {
    persist: {
      quota: 'Browser storage is full: this data is kept in this page only and must be loaded again after a reload',
      unavailable: 'Browser storage is unavailable (private mode or site data disabled): this data is kept in this page only and must be loaded again after a reload',
      error: 'The data could not be saved to browser storage: it is kept in this page only and must be loaded again after a reload',
      title: 'Data not saved',
      paintedSaved: 'The charts show the results saved last time; they switch to live data once the database has started',
    },
  },
}
