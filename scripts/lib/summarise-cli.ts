/**
 * CLI: bundles (folders, zips, CSV, xlsx) → one DuckDB database file with the app's typed tables, summary,
 * units, findings and a manifest, through the app's own ingest/load/rebuild code on native DuckDB
 * (./summarise-part.ts). Run through scripts/summarise.mjs:
 *   npm run summarise -- INPUT... --out FILE.duckdb [--jobs N] [--threads N] [--memory 4GB]
 * Groups (a province's folder each, a zip each, loose files together) are loaded one process each, `--jobs` at a
 * time, into part files, then merged (src/db/merge.ts). Everything is written under FILE.duckdb.tmp-<pid>/ and
 * renamed at the end: Ctrl-C or SIGTERM stops the work and removes it, leaving no half-written file.
 * Exit code 0 done, 1 failed, 2 bad arguments, 130 cancelled.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startNativeDuckDb, type NativeDb } from '../../src/db/duckdb-native'
import { insertRows } from '../../src/db/insert'
import { summarise } from '../../src/db/load'
import { mergeParts } from '../../src/db/merge'
import { buildRollups } from '../../src/db/rollups'
import { writePublishedFile } from '../../src/db/publish'
import { ProgressBar, duration, type GroupState } from './progress'
import { groupInputs, readGroup, runPart, stageFraction, type Group, type PartResult, type StageProgress } from './summarise-part'

export interface SummariseOptions {
  inputs: string[]
  out: string
  jobs: number
  threads?: number
  memoryLimit?: string
  /** Progress bar on stderr (default true). */
  progress?: boolean
  /** Internal: run one group in this process and report to the parent over IPC. */
  part?: { name: string; scratch: string }
}

const USAGE = '用法：npm run summarise -- <数据包目录、.zip 或表格文件…> --out <输出.duckdb> [--jobs 并行进程数] [--threads 每进程线程数] [--memory 每进程内存上限，如 4GB]'
/** The engine the output must be readable by: duckdb-wasm 1.32's (tests/unit/db/native.test.ts checks the pin). */
export const NODE_API_PIN = '1.4.3-r.3'

export function parseArgs(argv: readonly string[]): SummariseOptions | string {
  const o: SummariseOptions = { inputs: [], out: '', jobs: 1 }
  let partName: string | undefined
  let scratch: string | undefined
  const int = (v: string | undefined, name: string): number | string => {
    const n = Number(v)
    return Number.isInteger(n) && n >= 1 && n <= 256 ? n : `${name} 应为 1–256 的整数\n${USAGE}`
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--out' || a === '-o') o.out = argv[++i] ?? ''
    else if (a === '--jobs' || a === '-j' || a === '--threads') {
      const n = int(argv[++i], a)
      if (typeof n === 'string') return n
      if (a === '--threads') o.threads = n
      else o.jobs = n
    } else if (a === '--memory') {
      const m = argv[++i] ?? ''
      if (!/^\d+(\.\d+)?\s*(MB|GB|MiB|GiB)$/i.test(m)) return `--memory 应如 4GB 或 800MB\n${USAGE}`
      o.memoryLimit = m
    } else if (a === '--part') partName = argv[++i]
    else if (a === '--scratch') scratch = argv[++i]
    else if (a === '--help' || a === '-h') return USAGE
    else if (a.startsWith('-')) return `未知选项 ${a}\n${USAGE}`
    else o.inputs.push(a)
  }
  if (!o.inputs.length || !o.out) return USAGE
  if (!partName && !/\.duckdb$/i.test(o.out)) return `输出文件名应以 .duckdb 结尾：${o.out}\n${USAGE}`
  if (partName) o.part = { name: partName, scratch: scratch ?? `${o.out}.scratch` }
  return o
}

const groupBytes = (g: Group): number => readGroup({ ...g }).reduce((a, f) => a + f.bytes.length, 0)

/** Child process: one group → its part file; progress and the result go to the parent. */
async function runChild(o: SummariseOptions): Promise<number> {
  const ctl = new AbortController()
  let db: NativeDb | null = null
  const stop = (): void => { ctl.abort(); db?.interrupt() }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  process.on('disconnect', stop) // the parent died: stop too
  const send = (m: unknown): void => { if (process.connected) process.send?.(m) }
  try {
    const r = await runPart({ name: o.part!.name, paths: o.inputs }, {
      out: o.out, scratch: o.part!.scratch, threads: o.threads, memoryLimit: o.memoryLimit, signal: ctl.signal,
      onOpen: (d) => { db = d }, onProgress: (p) => send({ t: 'progress', stage: p.stage, frac: stageFraction(p) }),
    })
    send({ t: 'done', result: { ...r, peakRssMb: peakRssMb(), cpuS: cpuS() } })
    return 0
  } catch (e) {
    rmSync(o.out, { force: true })
    rmSync(`${o.out}.wal`, { force: true })
    if (ctl.signal.aborted) return 130
    send({ t: 'error', message: e instanceof Error ? e.message : String(e) })
    return 1
  }
}

class Cancelled extends Error {}

/** Peak resident memory of this process so far (getrusage ru_maxrss), MB. */
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024)
/** CPU seconds of this process so far (user + system): comparable on a busy machine, unlike wall time. */
const cpuS = (): number => { const u = process.cpuUsage(); return Math.round((u.user + u.system) / 1e5) / 10 }

/** The launcher the parts run in (a path, not `new URL(…)`: Vite would take that for an asset import). */
const LAUNCHER = join(dirname(fileURLToPath(import.meta.url)), '..', 'summarise.mjs')

export async function runSummarise(o: SummariseOptions, log: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<number> {
  if (o.part) return runChild(o)
  const t0 = Date.now()
  const out = resolve(o.out)
  const groups = groupInputs(o.inputs)
  mkdirSync(dirname(out), { recursive: true })
  const tmp = `${out}.tmp-${process.pid}`
  mkdirSync(tmp, { recursive: true })
  const states: GroupState[] = groups.map((g) => ({ name: g.name, bytes: groupBytes(g), frac: 0, reports: 0, done: false, stage: 'waiting' }))
  const bar = new ProgressBar(states, o.progress === false ? null : process.stderr)
  const ctl = new AbortController()
  const children = new Set<ChildProcess>()
  let open: NativeDb | null = null
  const cancel = (): void => {
    if (ctl.signal.aborted) return
    ctl.abort()
    open?.interrupt()
    for (const c of children) c.kill('SIGTERM')
  }
  process.on('SIGINT', cancel)
  process.on('SIGTERM', cancel)
  const results: { g: number; r: PartResult }[] = []
  const partFile = (i: number): string => join(tmp, `part-${i}.duckdb`)
  const onProgress = (i: number) => (p: StageProgress | { stage: string; frac: number }): void => {
    states[i].stage = p.stage
    if (p.stage === 'checking') states[i].checkingAt ??= Date.now()
    // never backwards, and not full before the group is done
    states[i].frac = Math.min(0.97, Math.max(states[i].frac, 'frac' in p ? p.frac : stageFraction(p)))
    bar.update()
  }
  const finished = (i: number, r: PartResult): void => {
    results.push({ g: i, r })
    Object.assign(states[i], { done: true, frac: 1, stage: 'done', reports: r.summary.reports })
    bar.say(`${groups[i].name}：${r.summary.reports.toLocaleString('en-US')} 份报告，${r.summary.findings.toLocaleString('en-US')} 条数据质量提示，${(r.summary.ms / 1000).toFixed(1)} 秒`)
  }

  const inProcess = async (i: number): Promise<void> => {
    const r = await runPart(groups[i], {
      out: partFile(i), scratch: join(tmp, `scratch-${i}`), threads: o.threads, memoryLimit: o.memoryLimit,
      signal: ctl.signal, onProgress: onProgress(i), onOpen: (d) => { open = d },
    })
    open = null
    finished(i, r)
  }
  const inChild = (i: number): Promise<void> => new Promise((ok, fail) => {
    const args = ['--part', groups[i].name, '--scratch', join(tmp, `scratch-${i}`), '--out', partFile(i),
      ...(o.threads ? ['--threads', String(o.threads)] : []), ...(o.memoryLimit ? ['--memory', o.memoryLimit] : []), ...groups[i].paths]
    const child = fork(LAUNCHER, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    children.add(child)
    let error = ''
    child.on('message', (m: { t: string; stage?: string; frac?: number; result?: PartResult; message?: string }) => {
      if (m.t === 'progress') onProgress(i)({ stage: m.stage!, frac: m.frac! })
      else if (m.t === 'done') finished(i, m.result!)
      else if (m.t === 'error') error = m.message ?? ''
    })
    child.on('exit', (code) => {
      children.delete(child)
      if (code === 0 && states[i].done) ok()
      else fail(ctl.signal.aborted ? new Cancelled() : new Error(`${groups[i].name}：${error || `子进程退出码 ${code}`}`))
    })
  })

  try {
    log(`输入 ${groups.length} 组（${groups.map((g) => g.name).slice(0, 5).join('、')}${groups.length > 5 ? ' …' : ''}），${o.jobs} 个进程并行`)
    bar.update(true)
    // the rebuild is long and silent: keep the elapsed time and ETA moving
    const ticker = setInterval(() => bar.update(), 1000)
    ticker.unref()
    ctl.signal.addEventListener('abort', () => clearInterval(ticker))
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < groups.length && !ctl.signal.aborted) {
        const i = next++
        states[i].stage = 'reading'
        states[i].startedAt = Date.now()
        await (o.jobs > 1 && groups.length > 1 ? inChild(i) : inProcess(i))
      }
    }
    await Promise.all(Array.from({ length: Math.min(o.jobs, groups.length) }, worker))
    clearInterval(ticker)
    if (ctl.signal.aborted) throw new Cancelled()

    const built = join(tmp, 'out.duckdb')
    renameSync(partFile(0), built)
    const db = await startNativeDuckDb(built, { scratch: join(tmp, 'scratch-merge'), threads: o.threads, memoryLimit: o.memoryLimit, locked: false })
    open = db
    try {
      const merge = await mergeParts(db, groups.slice(1).map((_, j) => partFile(j + 1)), {
        exclude: ['manifest', 'manifest_sources'],
        onPart: (j) => { states[j + 1].stage = 'done'; bar.update() },
      })
      if (merge.rebuilt) bar.say(`有 ${merge.sharedUnits} 个单位出现在多组输入中：已按一次载入全部数据重新计算`)
      const s = await summarise(db)
      const roll = await buildRollups(db)
      await db.exec(`CREATE OR REPLACE TABLE manifest (key VARCHAR, value VARCHAR);
        CREATE OR REPLACE TABLE manifest_sources (grp VARCHAR, path VARCHAR, bytes BIGINT)`)
      const rows: [string, string][] = [
        ['engine', 'duckdb'], ['engine_version', await db.version()], ['node_api', NODE_API_PIN],
        ['created_at', new Date().toISOString()], ['elapsed_ms', String(Date.now() - t0)], ['jobs', String(o.jobs)],
        ['groups', String(groups.length)], ['merged_with_rebuild', String(merge.rebuilt)],
        // measured by the tool itself, so `npm run bench` needs no /usr/bin/time
        ['peak_rss_mb_main', String(peakRssMb())], ['peak_rss_mb_parts', String(Math.max(0, ...results.map((x) => x.r.peakRssMb ?? 0)))],
        ['cpu_s', String(Math.round((cpuS() + results.reduce((a, x) => a + (x.r.cpuS ?? 0), 0)) * 10) / 10)],
        ['rollup_rows', String(roll.rows)], ['reports', String(s.reports)], ['units', String(s.units)], ['years', String(s.years)], ['findings', String(s.findings)], ['files', String(s.files)],
        ...Object.entries(s.tables).map(([k, n]): [string, string] => [`rows_${k}`, String(n)]),
      ]
      await insertRows(db, 'manifest', rows)
      await insertRows(db, 'manifest_sources', results.sort((a, b) => a.g - b.g).flatMap(({ g, r }) => r.sources.map((x) => [groups[g].name, x.path, x.bytes])))
      const sev = await db.query<{ severity: string; rule: string; n: number }>(`SELECT severity, rule, count(*)::INTEGER AS n FROM findings
        GROUP BY severity, rule ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, n DESC`)
      const [inf] = await db.query<{ n: number; s: number }>('SELECT (SELECT count(*) FROM ingest_findings)::INTEGER AS n, (SELECT count(*) FROM skipped_files)::INTEGER AS s')
      await db.exec('CHECKPOINT')
      if (ctl.signal.aborted) throw new Cancelled()
      // a fresh copy laid out for range reads, with the first view's answers stored (src/db/publish.ts)
      const published = join(tmp, 'published.duckdb')
      await writePublishedFile(db, published, { rollups: roll.answers })
      if (ctl.signal.aborted) throw new Cancelled()
      await db.close()
      open = null
      renameSync(published, out)
      bar.end()
      log(`已写入 ${out}（${(statSync(out).size / 1024 ** 2).toFixed(1)} MB，${duration(Date.now() - t0)}）：${s.reports.toLocaleString('en-US')} 份报告，${s.units.toLocaleString('en-US')} 个单位，${s.years} 个年度，${s.files} 个文件`)
      log(`数据质量提示 ${s.findings.toLocaleString('en-US')} 条（表 findings，逐条写明单位、年度、文件和行号）${sev.length ? '：' : ''}`)
      for (const r of sev.slice(0, 12)) log(`  ${r.severity.padEnd(7)} ${r.rule.padEnd(24)} ${r.n.toLocaleString('en-US')}`)
      if (inf.n || inf.s) log(`文件级提示 ${inf.n} 条（表 ingest_findings），未载入的文件 ${inf.s} 个（表 skipped_files）`)
      return s.reports > 0 ? 0 : 1
    } finally {
      if (open === db) { open = null; await db.close().catch(() => undefined) }
    }
  } catch (e) {
    bar.end()
    for (const c of children) c.kill('SIGTERM')
    await Promise.all([...children].map((c) => new Promise((r) => c.once('exit', r))))
    if (ctl.signal.aborted || e instanceof Cancelled) {
      log('已取消：未写入输出文件，临时文件已删除')
      return 130
    }
    log(`出错：${e instanceof Error ? e.message : String(e)}`)
    return 1
  } finally {
    if (open) await (open as NativeDb).close().catch(() => undefined)
    rmSync(tmp, { recursive: true, force: true })
    process.off('SIGINT', cancel)
    process.off('SIGTERM', cancel)
    if (existsSync(tmp)) log(`未能删除临时目录 ${tmp}`)
  }
}
