export default {
  'zh-CN': {
    load: {
      cancel: '取消载入',
      cancelled: '已取消载入：之前载入的数据保持不变。',
      cancelLate: '取消时数据已写入，本次载入已完成，未能取消。如需撤回，请清空数据后重新载入需要的数据。',
      dismiss: '知道了',
      outcomesTop: '单位较多（共 {total} 个），只列出办结数最多的 {n} 个；其余单位请按单位筛选或下钻查看',
      heatmapMerged: '单位较多（共 {total} 个），热力图只列出合计最大的 {n} 个；其余单位请按单位筛选或下钻查看',
    },
  },
  en: {
    load: {
      cancel: 'Cancel loading',
      cancelled: 'Loading was cancelled: the data loaded before is unchanged.',
      cancelLate: 'Cancel came while the data was being written: this load completed and was not cancelled. To undo it, clear the data and load what you need again.',
      dismiss: 'Dismiss',
      outcomesTop: 'Many units ({total}): the {n} with the most handled applications are listed; filter by unit or drill down to see the others',
      heatmapMerged: 'Many units ({total}): the heatmap lists the {n} largest; filter by unit or drill down to see the others',
    },
  },
}
