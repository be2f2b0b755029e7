/**
 * Cells of a short row placed by position (PDF text items carry their x): a row with fewer cells
 * than the form is matched, cell by cell, to the columns of a full row of the same table. Only a
 * clear match places them (each cell nearest one column, in order, well within half the column
 * pitch); otherwise the row stays doubtful.
 */
import type { Tok } from './types'

/** The columns (x centres) of the nearest full row with positions, or null. */
function anchorsFrom(others: readonly (readonly Tok[])[], n: number): number[] | null {
  for (const o of others) {
    const vals = o.filter((t) => t.text.trim())
    if (vals.length === n && vals.every((t) => t.x !== undefined)) return vals.map((t) => t.x!)
  }
  return null
}

export function placeRow(got: readonly Tok[], n: number, others: readonly (readonly Tok[])[]): (Tok | undefined)[] | null {
  const vals = got.filter((t) => t.text.trim())
  // Nothing beside the label: its cells may be printed elsewhere — not placed, left unread.
  if (!vals.length || vals.length !== got.length || vals.some((t) => t.x === undefined)) return null
  const anchors = anchorsFrom(others, n)
  if (!anchors) return null
  let pitch = Infinity
  for (let i = 1; i < anchors.length; i++) pitch = Math.min(pitch, anchors[i] - anchors[i - 1])
  if (!(pitch > 0)) pitch = Infinity
  const out: (Tok | undefined)[] = Array(n).fill(undefined)
  let last = -1
  for (const t of vals) {
    let best = -1
    let dist = Infinity
    anchors.forEach((a, k) => { const d = Math.abs(a - t.x!); if (d < dist) { dist = d; best = k } })
    if (best <= last || dist > Math.min(pitch * 0.4, 60)) return null
    out[best] = t
    last = best
  }
  return out
}
