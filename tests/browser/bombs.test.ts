/**
 * The red team's slow bombs in Chromium (issue 17): a 99 MB zip of 90,000 small junk files and an xlsx
 * shared-strings bomb through the bundle input, a docx bomb (and its lying-size and deep variants) through the
 * report importer. Each is refused with a Chinese message naming the limit, within 15 s of renderer CPU time
 * (/proc, robust to a busy machine; wall time is printed too) and with every renderer under 1 GB, and the app
 * stays usable: the data loaded before is still there.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { appUrl, openSession, query, uploadFiles, waitForReady, waitForReports, type Session, WORK_BOUND } from './helpers'
import { measureRenderer, type RendererUse } from './renderer'
import { docxBomb, docxDeepBomb, docxLyingBomb, junkZip, xlsxSharedStringsBomb } from '../fixtures/hostile/bombs'

const GB = 1024 ** 3
const dir = mkdtempSync(join(tmpdir(), 'gdd-bombs-'))
let s: Session
const measured: Record<string, RendererUse> = {}

/** Big inputs go to the page as files on disk (playwright sends buffers over the protocol, files by path). */
function onDisk(name: string, bytes: Uint8Array): string {
  const p = join(dir, name)
  writeFileSync(p, bytes)
  return p
}

beforeAll(async () => {
  s = await openSession({ own: true }) // measures its renderer's processes
  await s.page.goto(appUrl('/?nosample=1'))
  await waitForReady(s.page)
  await uploadFiles(s.page, { 'reports.csv': new TextEncoder().encode('unit_code,unit_name,year,active_total\n230883103000,浓桥镇,2023,43\n') })
  await waitForReports(s.page, 1)
})
afterAll(async () => {
  await s?.close()
  rmSync(dir, { recursive: true, force: true })
  console.log('[bombs] renderer use:', JSON.stringify(measured))
})

function within(use: RendererUse, what: string): void {
  measured[what] = use
  expect(use.cpuSeconds, `${what}: renderer CPU seconds`).toBeLessThan(15)
  expect(use.peakRssBytes, `${what}: renderer peak RSS`).toBeLessThan(GB)
  expect(use.peakRssBytes, `${what}: the monitor saw the renderer`).toBeGreaterThan(0)
}

describe.sequential('bombs through the bundle input', () => {
  async function refused(name: string, path: string, message: RegExp): Promise<void> {
    let text = ''
    const use = await measureRenderer(s.profile, async () => {
      await s.page.setInputFiles('[data-testid="bundle-input"]', path)
      // a refused file is a notice beside the data (issue 15), not an error page
      const notice = s.page.locator('[data-testid="rejected-notice"]')
      await notice.waitFor({ timeout: WORK_BOUND })
      text = (await notice.textContent()) ?? ''
    })
    expect(text).toMatch(message)
    expect(await s.page.getAttribute('[data-state]', 'data-state')).toBe('ready')
    within(use, name)
    // the data loaded before is untouched and still answers
    expect(await query(s.page, 'SELECT unit_name FROM summary')).toEqual([{ unit_name: '浓桥镇' }])
  }

  test('a 99 MB zip of 90,000 small junk files', async () => {
    const zip = junkZip()
    expect(zip.length).toBeGreaterThan(98 * 1024 ** 2)
    expect(zip.length).toBeLessThan(100 * 1024 ** 2)
    await refused('junk-zip-99mb', onDisk('junk.zip', zip), /压缩包 junk\.zip 内有 90,000 个文件，超过一次载入 3,000 个文件的上限/)
  })

  test('an xlsx shared-strings bomb', async () => {
    await refused('xlsx-shared-strings', onDisk('炸弹.xlsx', await xlsxSharedStringsBomb()), /炸弹\.xlsx 的共享字符串有 2,000,000，超过上限 1,000,000/)
  })
})

describe.sequential('docx bombs through the report importer', () => {
  beforeAll(async () => {
    await s.page.goto(appUrl('/import'))
    await s.page.locator('[data-testid="import-input"]').waitFor({ state: 'attached', timeout: WORK_BOUND })
  })

  async function refused(name: string, bytes: Uint8Array, message: RegExp): Promise<void> {
    const path = onDisk(`${name}.docx`, bytes)
    let text = ''
    const use = await measureRenderer(s.profile, async () => {
      await s.page.setInputFiles('[data-testid="import-input"]', path)
      const msg = s.page.locator('.el-message', { hasText: `${name}.docx` }).last()
      await msg.waitFor({ state: 'visible', timeout: WORK_BOUND })
      text = (await msg.textContent()) ?? ''
    })
    expect(text).toMatch(message)
    within(use, name)
  }

  test('~400 MB of paragraphs', async () => {
    await refused('docx-size', docxBomb(), /超过上限 16\.0 MB/)
  })

  test('100 MB that declares 100 KB', async () => {
    await refused('docx-lying', docxLyingBomb(), /至少有 16\.\d MB，超过上限 16\.0 MB/)
  })

  test('100,000 nested elements', async () => {
    await refused('docx-deep', docxDeepBomb(), /嵌套 100,005 层，超过上限 128 层/)
  })
})
