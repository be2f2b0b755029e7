/** `?db=`: only a .duckdb file of the page's own origin is opened; anything else is refused saying why, in Chinese. */
import { describe, expect, it } from 'vitest'
import { PublishedUrlRefused, parseDatabaseList, publishedParam, resolvePublishedUrl } from '../../../src/db/published-url'

const PAGE = 'https://intranet.example/gov/app/index.html?db=x#/overview'

describe('resolvePublishedUrl', () => {
  it('resolves a relative path next to the page', () => {
    expect(resolvePublishedUrl('data/prov.duckdb', PAGE)).toBe('https://intranet.example/gov/app/data/prov.duckdb')
    expect(resolvePublishedUrl('/pub/nat.duckdb', PAGE)).toBe('https://intranet.example/pub/nat.duckdb')
  })
  it.each([
    ['http://evil.example/x.duckdb', '带协议'],
    ['//evil.example/x.duckdb', '带协议'],
    ['https://intranet.example/gov/app/x.duckdb', '带协议'],
    ['data:application/octet-stream,abc', '带协议'],
    ['data/prov.csv', '.duckdb 结尾'],
    ['  ', '地址为空'],
  ])('refuses %s', (given, why) => {
    expect(() => resolvePublishedUrl(given, PAGE)).toThrow(PublishedUrlRefused)
    expect(() => resolvePublishedUrl(given, PAGE)).toThrow(why)
    expect(() => resolvePublishedUrl(given, PAGE)).toThrow('只能打开本网站发布的 .duckdb 文件')
  })
  it('reads ?db= from the page URL', () => {
    expect(publishedParam('https://a/app/?db=data%2Fp.duckdb#/')).toBe('data/p.duckdb')
    expect(publishedParam('https://a/app/#/?db=x.duckdb')).toBeNull()
  })
})

describe('parseDatabaseList', () => {
  it('keeps the openable entries of databases.json, in either shape', () => {
    expect(parseDatabaseList(['a.duckdb', 'http://x/b.duckdb', 'c.csv'], PAGE)).toEqual([{ path: 'a.duckdb' }])
    expect(parseDatabaseList({ databases: [{ path: 'p.duckdb', label: '某省', reports: 5, bytes: 9 }, { label: 'no path' }] }, PAGE))
      .toEqual([{ path: 'p.duckdb', label: '某省', reports: 5, bytes: 9 }])
    expect(parseDatabaseList({ nope: 1 }, PAGE)).toEqual([])
    expect(parseDatabaseList(null, PAGE)).toEqual([])
  })
})
