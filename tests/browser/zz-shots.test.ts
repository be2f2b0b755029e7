import { test, vi } from 'vitest'
import { appUrl, openSession, uploadFiles, waitForReady, waitForReports } from './helpers'
import { generateBundle } from '../../scripts/lib/generate.mjs'
import { encodeFiles } from '../../scripts/lib/encode.mjs'
vi.setConfig({ testTimeout: 420_000 })
test('shots', async () => {
  const s = await openSession({ viewport: { width: 1280, height: 900 } })
  const p = s.page
  await p.goto(appUrl('/?nosample=1')); await waitForReady(p)
  const X = generateBundle({ reports: 20, years: [2022, 2023], seed: 'shots' })
  await uploadFiles(p, encodeFiles(X.files, 'utf8')); await waitForReports(p, X.manifest.counts.reports)
  await p.evaluate(() => { location.hash = '#/sql' })
  await p.locator('[data-testid="sql-editor"]').fill('SELECT 1 AS 合计$$; DELETE FROM reports; DELETE FROM summary; --$$')
  await p.click('[data-testid="sql-run"]')
  await p.locator('[data-testid="sql-message"]').waitFor()
  await p.screenshot({ path: '/tmp/w17/shots/sql-refused.png' })
  await p.locator('[data-testid="sql-editor"]').fill("SELECT * FROM read_text('http://127.0.0.1:9/x')")
  await p.click('[data-testid="sql-run"]'); await p.waitForTimeout(800)
  await p.locator('[data-testid="sql-message"]').screenshot({ path: '/tmp/w17/shots/sql-access.png' })
  const b = await s.context.newPage()
  await b.goto(appUrl('/')); await waitForReady(b, 120_000)
  await b.click('[data-testid="load-sample"]'); await b.click('.el-message-box__btns .el-button--primary')
  await b.waitForSelector('[data-testid="load-summary"][data-sample="true"]', { timeout: 300_000 })
  await p.evaluate(() => { location.hash = '#/' })
  await p.locator('[data-testid="saved-notice"]').first().waitFor({ timeout: 60_000 })
  await p.screenshot({ path: '/tmp/w17/shots/other-tab.png' })
  await p.click('[data-testid="clear-data"]'); await p.click('.el-message-box__btns .el-button--primary')
  await p.locator('[data-testid="saved-notice"][data-kind="cleared"]').waitFor({ timeout: 60_000 })
  await p.screenshot({ path: '/tmp/w17/shots/cleared.png' })
  await s.close()
})
