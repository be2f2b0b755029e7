/** The documents' templates as a plain translate function (Node tests, and code outside components). */
import messages from '../i18n/features/documents'
import type { Translate } from './text'

type Tree = { [k: string]: string | Tree }

export function documentsTranslate(locale: string): Translate {
  const root = (locale === 'en' ? messages.en : messages['zh-CN']) as unknown as Tree
  return (key, named) => {
    let node: string | Tree | undefined = root
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
    if (typeof node !== 'string') return key
    return node.replace(/\{(\w+)\}/g, (_, k: string) => (named && k in named ? String(named[k]) : `{${k}}`))
  }
}
