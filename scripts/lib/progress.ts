/**
 * The summariser's progress on stderr: a redrawn bar on a terminal, plain lines (at most one per interval,
 * and one per finished group) when stderr is a file or a pipe. ETA from the input bytes done so far.
 */
export interface GroupState {
  name: string; bytes: number; frac: number; reports: number; done: boolean; stage: string
  /** When the group started, and when its rebuild ('checking', silent for most of the time) started. */
  startedAt?: number; checkingAt?: number
}

/** Where the rebuild starts in a group's fraction (scripts/lib/summarise-part.ts STAGE_WEIGHT). */
const CHECK_START = 0.32

/**
 * A group's fraction; during the silent rebuild it moves with time, expecting the rebuild to take what the stages
 * before it took × (1 − CHECK_START) / CHECK_START (their measured shares), never reaching the end before it does.
 */
export function groupFraction(g: GroupState, now = Date.now()): number {
  if (g.done) return 1
  if (g.stage !== 'checking' || g.startedAt == null || g.checkingAt == null) return g.frac
  const expected = Math.max(1, (g.checkingAt - g.startedAt) * ((1 - CHECK_START) / CHECK_START))
  return Math.max(g.frac, CHECK_START + (1 - CHECK_START) * Math.min(0.95, (now - g.checkingAt) / expected))
}

const STAGE_ZH: Record<string, string> = {
  waiting: '等待', reading: '读取', unzipping: '解压', decoding: '解码', parsing: '识别', loading: '载入', checking: '检查', merging: '合并', done: '完成',
}

export const duration = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000))
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`
}

export class ProgressBar {
  private readonly t0 = Date.now()
  private last = 0
  private drawn = false
  private readonly tty: boolean
  private readonly intervalMs: number
  /** `out` null: silent (tests). */
  constructor(readonly groups: GroupState[], private readonly out: NodeJS.WriteStream | null = process.stderr) {
    this.tty = Boolean(out?.isTTY)
    this.intervalMs = this.tty ? 100 : 5000
  }

  /** Share of the input bytes done (a group counts by the fraction of its stages done). */
  fraction(): number {
    const total = this.groups.reduce((a, g) => a + g.bytes, 0) || 1
    const now = Date.now()
    return this.groups.reduce((a, g) => a + g.bytes * groupFraction(g, now), 0) / total
  }

  line(): string {
    const f = this.fraction()
    const elapsed = Date.now() - this.t0
    const done = this.groups.filter((g) => g.done).length
    const reports = this.groups.reduce((a, g) => a + g.reports, 0)
    const eta = f > 0.02 ? ` · 剩余约 ${duration((elapsed / f) * (1 - f))}` : ''
    const active = this.groups.filter((g) => !g.done && g.stage !== 'waiting').map((g) => `${g.name} ${STAGE_ZH[g.stage] ?? g.stage}`)
    const width = 24
    const bar = '#'.repeat(Math.round(f * width)).padEnd(width, '-')
    return `[${bar}] ${(f * 100).toFixed(0).padStart(3)}% · ${done}/${this.groups.length} 组 · ${reports.toLocaleString('en-US')} 份报告 · 已用 ${duration(elapsed)}${eta}${active.length ? ` · ${active.slice(0, 3).join('，')}` : ''}`
  }

  /** Redraw (terminal) or print a line (not a terminal) when the interval has passed or `force`. */
  update(force = false): void {
    if (!this.out) return
    const now = Date.now()
    if (!force && now - this.last < this.intervalMs) return
    this.last = now
    if (this.tty) {
      const cols = this.out.columns || 120
      this.out.write(`\r\x1b[K${this.line().slice(0, cols - 1)}`)
      this.drawn = true
    } else this.out.write(this.line() + '\n')
  }

  /** A message above the bar. */
  say(msg: string): void {
    if (!this.out) return
    if (this.tty && this.drawn) this.out.write('\r\x1b[K')
    this.out.write(msg + '\n')
    if (this.tty && this.drawn) this.update(true)
  }

  end(): void {
    if (!this.out) return
    if (this.tty && this.drawn) this.out.write('\n')
    this.drawn = false
  }
}
