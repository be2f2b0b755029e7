/** Published databases (?db=, 打开数据库): src/components/load/OpenDatabase.vue, DataSource.vue. */
export default {
  'zh-CN': {
    published: {
      open: '打开数据库',
      title: '打开本网站发布的数据库',
      loading: '正在读取数据库清单……',
      missing: '本网站没有发布数据库清单（index.html 旁的 databases.json），因此没有可打开的数据库。',
      empty: '数据库清单（databases.json）中没有可打开的 .duckdb 文件。',
      reports: '{n} 份年报',
      hint: '数据库以只读方式按需分段读取，不会整体下载；打开后看板的数据即来自该文件。',
      source: '数据来源：本网站发布的数据库 {path}（只读；{reports} 份年报，{created} 由汇总工具生成，引擎 {engine}）',
    },
  },
  en: {
    published: {
      open: 'Open database',
      title: 'Open a database published by this site',
      loading: 'Reading the list of databases…',
      missing: 'This site publishes no list of databases (databases.json next to index.html), so there is nothing to open.',
      empty: 'The list of databases (databases.json) names no .duckdb file that can be opened.',
      reports: '{n} reports',
      hint: 'The database is read by range, read-only, never downloaded whole; once opened, the dashboard shows its data.',
      source: 'Data source: the database {path} published by this site (read-only; {reports} reports, written by the summariser on {created}, engine {engine})',
    },
  },
}
