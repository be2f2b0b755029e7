/**
 * pdfjs-dist in the browser, self-hosted: the library, its worker and its CMaps (the character maps
 * of PDFs whose Chinese fonts are not embedded — common in government PDFs) are files of this app,
 * loaded only when a PDF is imported. Nothing is fetched from anywhere else.
 */
import type { PdfLoader } from './pdf'

// Every CMap as a URL of the build (fetched only when a PDF needs it).
const CMAPS = import.meta.glob('../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url', import: 'default', eager: true }) as Record<string, string>
const CMAP_URL = new Map(Object.entries(CMAPS).map(([path, url]) => [path.replace(/^.*\//, ''), url]))

/** pdfjs asks for files by name; this answers from the build's own URLs. */
class OwnFiles {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = kind === 'cMapUrl' ? CMAP_URL.get(filename) : undefined
    if (!url) throw new Error(`PDF 读取所需的文件不可用：${filename}`)
    const res = await fetch(url)
    if (!res.ok) throw new Error(`PDF 读取所需的文件不可用：${filename}（HTTP ${res.status}）`)
    return new Uint8Array(await res.arrayBuffer())
  }
}

export const loadPdfjsBrowser: PdfLoader = async () => {
  const [lib, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')])
  lib.GlobalWorkerOptions.workerSrc = worker.default
  return {
    lib: lib as unknown as import('./pdf').PdfjsLike,
    options: { cMapUrl: 'cmaps/', cMapPacked: true, useWorkerFetch: false, BinaryDataFactory: OwnFiles, disableFontFace: true, isOffscreenCanvasSupported: false },
  }
}
