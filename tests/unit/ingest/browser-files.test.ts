import { describe, expect, it } from 'vitest'
import { collectFiles } from '../../../src/ingest/browser-files'

const file = (content: string, name: string, relative?: string): File => {
  const f = new File([content], name)
  if (relative) Object.defineProperty(f, 'webkitRelativePath', { value: relative })
  return f
}

/** Minimal FileSystemEntry fakes, as Chrome gives them for a dropped folder. */
function fileEntry(path: string, f: File): FileSystemEntry {
  return { isFile: true, isDirectory: false, name: f.name, fullPath: `/${path}`, file: (ok: (f: File) => void) => ok(f) } as unknown as FileSystemEntry
}
function dirEntry(path: string, children: FileSystemEntry[]): FileSystemEntry {
  return {
    isFile: false, isDirectory: true, name: path.split('/').pop(), fullPath: `/${path}`,
    createReader: () => {
      let given = false
      // Hand out entries in two batches, like readEntries' 100-entry pages.
      return { readEntries: (ok: (e: FileSystemEntry[]) => void) => { const batch = given ? [] : children; given = true; ok(batch) } }
    },
  } as unknown as FileSystemEntry
}

describe('collectFiles', () => {
  it('keeps webkitdirectory relative paths from an <input>', async () => {
    const res = await collectFiles([file('a', 'reports.csv', 'bundle/2023/reports.csv'), file('b', 'x.csv')])
    expect(res.files.map((f) => f.path)).toEqual(['bundle/2023/reports.csv', 'x.csv'])
    expect(new TextDecoder().decode(res.files[0].bytes)).toBe('a')
  })

  it('walks a dropped folder through webkitGetAsEntry', async () => {
    const tree = dirEntry('bundle', [fileEntry('bundle/reports.csv', file('r', 'reports.csv')), dirEntry('bundle/2023', [fileEntry('bundle/2023/active.csv', file('a', 'active.csv'))])])
    const dt = {
      files: [],
      items: [{ kind: 'file', webkitGetAsEntry: () => tree, getAsFile: () => null }],
    } as unknown as DataTransfer
    const res = await collectFiles(dt)
    expect(res.files.map((f) => f.path)).toEqual(['bundle/reports.csv', 'bundle/2023/active.csv'])
  })

  it('refuses a file over the size limit with a Chinese message naming the size that works', async () => {
    const res = await collectFiles([file('x'.repeat(3000), 'huge.csv')], { maxFileBytes: 2048 })
    expect(res.files).toEqual([])
    expect(res.skipped[0].reason).toBe('文件 huge.csv 有 2.9 KB，超过单个文件 2.0 KB 的上限，未读取；请拆分成每个不超过 2.0 KB 的文件（例如按年度或地区）后再加载')
  })
})
