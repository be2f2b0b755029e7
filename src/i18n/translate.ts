/**
 * A tiny translate function over the same messages, for code outside components and for
 * unit tests of the option builders (no Vue needed). Supports `{name}` interpolation.
 */
import zhCN from './zh-CN'
import en from './en'
import type { Translate } from '../domain/translate'

type Tree = { [k: string]: string | Tree }

export function createTranslate(locale: string): Translate {
  const root = (locale === 'en' ? en : zhCN) as unknown as Tree
  return (key, named) => {
    let node: string | Tree | undefined = root
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
    if (typeof node !== 'string') return key
    return node.replace(/\{(\w+)\}/g, (_, k: string) => (named && k in named ? String(named[k]) : `{${k}}`))
  }
}
