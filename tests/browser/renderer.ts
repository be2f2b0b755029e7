/**
 * CPU time and memory of a session's renderer processes, read from /proc (Linux): the page and its dedicated
 * workers (DuckDB's included) live in the renderer. CPU time, unlike wall time, hardly grows when the machine
 * is shared and busy, so a budget on it holds on a loaded CI machine.
 */
import { readdirSync, readFileSync } from 'node:fs'

const TICKS = 100 // USER_HZ on Linux

function renderers(profile: string): number[] {
  const pids: number[] = []
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8')
      if (cmd.includes('--type=renderer') && cmd.includes(profile)) pids.push(Number(d))
    } catch { /* gone */ }
  }
  return pids
}

function cpuSeconds(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(f[11]) + Number(f[12])) / TICKS // utime, stime (fields 14, 15)
  } catch { return 0 }
}

function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : 0
  } catch { return 0 }
}

export interface RendererUse { cpuSeconds: number; peakRssBytes: number; wallMs: number }

/** Watch the renderers while `during` runs: CPU seconds used, the largest RSS of one renderer, wall time. */
export async function measureRenderer(profile: string, during: () => Promise<void>): Promise<RendererUse> {
  const cpu0 = new Map(renderers(profile).map((p) => [p, cpuSeconds(p)]))
  let peak = 0
  const sample = (): void => { for (const p of renderers(profile)) peak = Math.max(peak, rssBytes(p)) }
  sample()
  const timer = setInterval(sample, 100)
  const t0 = Date.now()
  try {
    await during()
  } finally {
    clearInterval(timer)
  }
  sample()
  const wallMs = Date.now() - t0
  let cpu = 0
  for (const p of renderers(profile)) cpu += cpuSeconds(p) - (cpu0.get(p) ?? 0)
  return { cpuSeconds: cpu, peakRssBytes: peak, wallMs }
}
