/** Strings of the closed holes: user SQL refusals, saved-data notices (bad bundles, other tabs), what 清空数据 cleared. */
export default {
  'zh-CN': {
    security: {
      sql: {
        intro: '在浏览器内的数据库上执行一条只读查询（SELECT、WITH、FROM、VALUES、DESCRIBE、SHOW 或 SUMMARIZE）。是否只读由 DuckDB 自身的解析器判断，并在只读事务中执行；修改数据、更改设置、读取文件或网址的语句都会被拒绝。',
        empty: '请输入一条查询语句。',
        notSelect: '只能执行一条只读查询（SELECT、WITH、FROM、VALUES、DESCRIBE、SHOW 或 SUMMARIZE）。DuckDB 把这段 SQL 解析为多条语句，或修改数据、设置、扩展的语句（如 SET、LOAD、INSTALL、ATTACH、COPY、CREATE、DELETE），未执行，数据没有改变。',
        access: '查询试图访问文件、网址或扩展{detail}，控制台只能查询已载入的数据表，已拒绝。',
        write: '查询试图修改数据库，控制台只读，已拒绝，数据没有改变。（{detail}）',
        syntax: 'SQL 语法错误：{detail}',
        error: '查询出错：{detail}',
      },
      saved: {
        title: '已保存的数据',
        dropped: '浏览器中保存的第 {n} 批数据（{when} 保存，{files}）无法读取（{why}），已删除；其余 {kept} 批已恢复。',
        replayFailed: '浏览器中保存的第 {n} 批数据（{when} 保存，{files}）未能载入（{why}），已保留在浏览器中；其余数据已恢复。',
        otherTab: {
          clear: '另一个标签页清空了浏览器中保存的数据。本页显示的数据未受影响，但刷新后不会再出现。',
          sample: '另一个标签页载入了示例数据，浏览器中保存的数据已被替换。本页显示的数据未受影响，但刷新后不会再出现。',
          append: '另一个标签页新载入了一批数据并已保存。刷新本页后也会显示这批数据。',
          replace: '另一个标签页把浏览器中保存的数据换成了该页的数据。本页显示的数据未受影响，但刷新后将显示另一标签页的数据。',
        },
        keepMine: '保存本页的数据',
        moreFiles: '等 {n} 个文件',
        unknownTime: '时间不明',
        why: {
          unreadable: '浏览器无法读出这条记录：{detail}',
          shape: '记录内容不完整',
          missing: '文件 {detail} 的内容已丢失',
        },
        kept: '本页的 {n} 批数据已重新保存到浏览器中。',
        dismiss: '知道了',
      },
      cleared: {
        title: '已清空',
        summary: '已从本页和浏览器中删除：{items}。',
        data: '数据库中的数据',
        bundles: '浏览器中保存的 {n} 批数据',
        keys: '浏览器本地存储的 {n} 项（{names}）',
        locale: '界面语言设置保留（不含数据）。',
        names: { filters: '筛选条件', briefing: '简报', marks: '核对标记', other: '其他' },
      },
    },
  },
  en: {
    security: {
      sql: {
        intro: 'Run one read-only query on the in-browser database (SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW or SUMMARIZE). DuckDB\'s own parser decides what is read-only and the query runs in a read-only transaction; statements that change data or settings, or read files or URLs, are refused.',
        empty: 'Please enter a query.',
        notSelect: 'Only one read-only query (SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW or SUMMARIZE) can run. DuckDB parsed this SQL as several statements, or as a statement that changes data, settings or extensions (SET, LOAD, INSTALL, ATTACH, COPY, CREATE, DELETE…): nothing ran and no data changed.',
        access: 'The query tried to reach a file, URL or extension{detail}: the console only queries the loaded tables. Refused.',
        write: 'The query tried to change the database: the console is read-only. Refused, no data changed. ({detail})',
        syntax: 'SQL syntax error: {detail}',
        error: 'Query failed: {detail}',
      },
      saved: {
        title: 'Saved data',
        dropped: 'Saved bundle no. {n} (saved {when}, {files}) could not be read ({why}) and was deleted; the other {kept} bundle(s) were restored.',
        replayFailed: 'Saved bundle no. {n} (saved {when}, {files}) could not be loaded ({why}); it is kept in the browser and the rest was restored.',
        otherTab: {
          clear: 'Another tab cleared the data saved in this browser. The data shown here is unchanged but will not come back after a reload.',
          sample: 'Another tab loaded the sample, replacing the data saved in this browser. The data shown here is unchanged but will not come back after a reload.',
          append: 'Another tab loaded and saved another bundle. It will show here too after a reload.',
          replace: 'Another tab replaced the saved data with its own. The data shown here is unchanged, but a reload will show the other tab\'s data.',
        },
        keepMine: 'Save this tab\'s data',
        moreFiles: 'and {n} files in all',
        unknownTime: 'unknown time',
        why: {
          unreadable: 'the browser cannot read this record: {detail}',
          shape: 'the record is incomplete',
          missing: 'the content of {detail} is lost',
        },
        kept: 'This tab\'s {n} bundle(s) were saved to the browser again.',
        dismiss: 'OK',
      },
      cleared: {
        title: 'Cleared',
        summary: 'Removed from this page and the browser: {items}. ',
        data: 'the data in the database',
        bundles: '{n} saved bundle(s)',
        keys: '{n} local-storage item(s) ({names})',
        locale: 'The language setting is kept (it holds no data).',
        names: { filters: 'filters', briefing: 'briefing pack', marks: 'review marks', other: 'other' },
      },
    },
  },
}
