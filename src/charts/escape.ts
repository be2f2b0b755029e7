/**
 * Tooltips are HTML in ECharts: every piece of text that comes from data (unit names, labels)
 * goes through escapeHtml, and formatters assemble HTML only from escaped text.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c])
}

/** A coloured legend dot for tooltips; the colour is ours, never from data, but checked anyway. */
export function marker(color: string): string {
  const safe = /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#999'
  return `<span style="display:inline-block;margin-right:6px;border-radius:50%;width:8px;height:8px;background:${safe}"></span>`
}

export function formatNumber(v: number | null | undefined, locale: string, digits = 0): string {
  if (v == null || !Number.isFinite(v)) return '—'
  return v.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
}

export function formatPercent(v: number | null | undefined, locale: string): string {
  if (v == null || !Number.isFinite(v)) return '—'
  return (v * 100).toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 1, minimumFractionDigits: 1 }) + '%'
}

/** One tooltip line "● name: value" with both parts escaped. */
export function tooltipLine(color: string, name: string, value: string): string {
  return `${marker(color)}${escapeHtml(name)}：<b>${escapeHtml(value)}</b>`
}
