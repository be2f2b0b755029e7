/** pdfjs-dist in Node (the CLI and tests): the legacy build (Node 20), CMaps from node_modules. */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { PdfLoader } from '../../src/ingest/report/pdf'

const require = createRequire(import.meta.url)

export const loadPdfjsNode: PdfLoader = async () => {
  const root = dirname(require.resolve('pdfjs-dist/package.json'))
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs')
  return {
    lib: lib as unknown as import('../../src/ingest/report/pdf').PdfjsLike,
    options: { cMapUrl: join(root, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(root, 'standard_fonts') + '/', disableFontFace: true },
  }
}
