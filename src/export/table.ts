/**
 * A chart's data as a table (for CSV/xlsx export): given by the view (`dataRows`), or derived from
 * the ECharts option (dataset, or category axis × series, heatmap cells, pie slices). Pure.
 */
import { csvText, neutralise } from './csv'
import { isObj, list, type Obj } from '../charts/optionParts'

export { neutralise }
interface TableColumn { key: string; label: string }
export interface ExportTable { columns: TableColumn[]; rows: Record<string, unknown>[] }

/** The value of one data item: number/string, { value }, or the last entry of an array. */
function itemValue(d: unknown, dim?: number): unknown {
  if (isObj(d)) return itemValue(d.value, dim)
  if (Array.isArray(d)) return d[dim ?? d.length - 1]
  return d
}

function axisCategories(axis: unknown): string[] | null {
  const a = list(axis)[0]
  if (!isObj(a) || a.type !== 'category' || !Array.isArray(a.data)) return null
  return a.data.map((c) => String(isObj(c) ? c.value : c))
}

/** Empty-looking placeholders ECharts uses for "no value" become blank cells. */
function clean(v: unknown): unknown {
  if (v === '-' || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return null
  return v
}

export function optionToTable(option: unknown, labels: { category?: string; value?: string; series?: string } = {}): ExportTable {
  const o = isObj(option) ? option : {}
  const catLabel = labels.category ?? '类别'
  const valueLabel = labels.value ?? '数值'
  const seriesLabel = labels.series ?? '系列'

  // 1. dataset.source (array of arrays with a header row, or array of objects)
  const ds = list(o.dataset)[0]
  if (isObj(ds) && Array.isArray(ds.source) && ds.source.length) {
    const src = ds.source as unknown[]
    const dims = Array.isArray(ds.dimensions) ? ds.dimensions.map((d) => String(isObj(d) ? d.name : d)) : null
    if (isObj(src[0])) {
      const keys = dims ?? [...new Set(src.flatMap((r) => Object.keys(r as Obj)))]
      return { columns: keys.map((k) => ({ key: k, label: k })), rows: src.map((r) => Object.fromEntries(keys.map((k) => [k, clean((r as Obj)[k])]))) }
    }
    const header = dims ?? (src[0] as unknown[]).map(String)
    const body = dims ? src : src.slice(1)
    const keys = header.map((_, i) => `c${i}`)
    return {
      columns: header.map((h, i) => ({ key: keys[i], label: h })),
      rows: body.map((r) => Object.fromEntries(keys.map((k, i) => [k, clean((r as unknown[])[i])]))),
    }
  }

  const series = list(o.series).filter(isObj).filter((s) => s.type !== 'custom')
  const xCats = axisCategories(o.xAxis)
  const yCats = axisCategories(o.yAxis)

  // 2. heatmap on two category axes: one row per cell
  const heat = series.find((s) => s.type === 'heatmap')
  if (heat && xCats && yCats) {
    const rows = list(heat.data).map((d) => {
      const v = (isObj(d) ? d.value : d) as unknown[]
      return { y: yCats[Number(v[1])] ?? v[1], x: xCats[Number(v[0])] ?? v[0], value: clean(v[2]) }
    })
    return { columns: [{ key: 'y', label: catLabel }, { key: 'x', label: seriesLabel }, { key: 'value', label: String(heat.name ?? valueLabel) }], rows }
  }

  // 3. category axis × series (bars, lines): one row per category, one column per series
  const cats = xCats ?? yCats
  if (cats && series.length) {
    const columns: TableColumn[] = [{ key: 'category', label: catLabel }]
    series.forEach((s, i) => columns.push({ key: `s${i}`, label: String(s.name ?? `${seriesLabel}${i + 1}`) }))
    const catDim = xCats ? 0 : 1
    const rows = cats.map((c, ci) => {
      const r: Record<string, unknown> = { category: c }
      series.forEach((s, i) => {
        const d = list(s.data)[ci]
        r[`s${i}`] = clean(Array.isArray(isObj(d) ? d.value : d) ? itemValue(d, 1 - catDim) : itemValue(d))
      })
      return r
    })
    return { columns, rows }
  }

  // 4. pies and anything with named items
  const rows: Record<string, unknown>[] = []
  for (const s of series) {
    for (const d of list(s.data)) {
      rows.push({ series: s.name ?? '', name: isObj(d) ? (d.name ?? '') : '', value: clean(itemValue(d)) })
    }
  }
  const multi = new Set(rows.map((r) => r.series)).size > 1
  const columns = [...(multi ? [{ key: 'series', label: seriesLabel }] : []), { key: 'name', label: catLabel }, { key: 'value', label: valueLabel }]
  return { columns, rows }
}

/** Cell value for xlsx: finite numbers stay numbers (negative too); text is neutralised. */
export function xlsxCell(v: unknown): string | number | boolean | null {
  if (v == null) return null
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'boolean') return v
  if (typeof v === 'bigint') return Number(v)
  return neutralise(String(v))
}

/**
 * CSV with a UTF-8 BOM (Excel/WPS open it as UTF-8), CRLF line ends, RFC 4180 quoting. Numbers are
 * written as they are (a plain negative number is a number); text starting with = + - @ is neutralised.
 */
export function toCsv(table: ExportTable, meta: string[] = []): string {
  return csvText([
    ...meta.map((m) => [m]),
    table.columns.map((c) => c.label),
    ...table.rows.map((r) => table.columns.map((c) => r[c.key])),
  ])
}
