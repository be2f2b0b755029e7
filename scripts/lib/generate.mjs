// Deterministic generator of realistic CSV bundles (bundle-format.md, contract v1).
// Pure: returns { files: { name: text }, manifest } so tests can generate in memory;
// scripts/gen-bundle.mjs writes them to disk (and encodes them, see encode.mjs).
import { makeRng } from './prng.mjs'
import { toCsv } from './csv.mjs'
import {
  ACTIVE_ITEMS, ACTIVE_MEASURES, APPLICANT_COLUMNS, APPLICANT_PARTS, KEY_COLUMNS, REPORT_COLUMNS,
  REVIEW_BLOCK_KEYS, REVIEW_COLUMNS, UNIT_COLUMNS, APP_LABEL, applicationRows, formatForYear, outcomeRows,
} from './format.mjs'

// ---------------------------------------------------------------- fictional names

const SYL1 = '青白东西南北石金银龙凤云丰花柳桃梅松竹湖泉溪岭峰阳明宁泰德福华长永清源安平和新兴河桥林'.split('')
const SYL2 = '山水城口坪坝湾塘园庄集营沟屯店铺堡寨关渡港岗洲滩田埠垣甸圩台川'.split('')
const DEPARTMENTS = ['教育局', '公安局', '自然资源局', '住房和城乡建设局', '市场监督管理局', '卫生健康局',
  '人力资源和社会保障局', '生态环境局', '交通运输局', '农业农村局', '财政局', '民政局', '应急管理局', '水利局']

function nameMaker(rng) {
  const used = new Set()
  return (suffix) => {
    for (let i = 0; ; i++) {
      const base = rng.pick(SYL1) + rng.pick(SYL2) + (i > 50 ? rng.pick(SYL1) : '')
      const name = base + suffix
      if (!used.has(base)) { used.add(base); return name }
    }
  }
}

/**
 * A province → cities → counties → townships/subdistricts/departments hierarchy with at least
 * `leaves` reporting units. Codes follow the 统计用区划代码 layout (2+2+2+3+3 digits); the
 * province code starts with 0 so every code has a leading zero that must survive loading.
 */
export function makeHierarchy(rng, leaves, provCode) {
  const name = nameMaker(rng)
  const prov = { code: provCode ?? `0${rng.int(1, 9)}`, name: name('省'), parentCode: '', level: '省' }
  const all = [prov]
  const reporting = []
  const perCounty = 12
  const counties = Math.max(1, Math.ceil(leaves / perCounty))
  const cities = Math.max(1, Math.ceil(counties / 4))
  let county = 0
  for (let c = 1; c <= cities && county < counties; c++) {
    const city = { code: prov.code + String(c).padStart(2, '0'), name: name('市'), parentCode: prov.code, level: '市' }
    all.push(city)
    for (let k = 1; k <= 4 && county < counties; k++, county++) {
      const cty = { code: city.code + String(k).padStart(2, '0'), name: name(rng.chance(0.3) ? '区' : '县'), parentCode: city.code, level: '县' }
      all.push(cty)
      let nSub = 0, nTown = 0, nXiang = 0, nDept = 0
      for (let i = 0; i < perCounty && reporting.length < leaves; i++) {
        const r = rng.next()
        let u
        if (r < 0.2) u = { code: `${cty.code}${String(++nSub).padStart(3, '0')}000`, name: name('街道'), level: '街道', kind: 'subdistrict' }
        else if (r < 0.55) u = { code: `${cty.code}${String(100 + ++nTown)}000`, name: name('镇'), level: '乡镇', kind: 'township' }
        else if (r < 0.7) u = { code: `${cty.code}${String(200 + ++nXiang)}000`, name: name('乡'), level: '乡镇', kind: 'township' }
        else {
          // Departments have no 区划代码: fictional 12-digit codes in the unused 9xx range.
          u = { code: `${cty.code}${String(900 + ++nDept)}000`, name: cty.name + DEPARTMENTS[(nDept - 1) % DEPARTMENTS.length], level: '部门', kind: 'department' }
        }
        Object.assign(u, { parentCode: cty.code, parentName: cty.name })
        all.push(u)
        reporting.push(u)
      }
    }
  }
  return { all, reporting }
}

// ---------------------------------------------------------------- figures of one report

const PROFILE = {
  township: { active: 50, apps: 2.5, decisions: 6, penalty: 2, fees: 0 },
  subdistrict: { active: 80, apps: 4, decisions: 8, penalty: 3, fees: 0 },
  department: { active: 160, apps: 14, decisions: 220, penalty: 60, fees: 0.35 },
}
const APPLICANT_WEIGHTS = [80, 10, 1, 2, 3, 4]
const OUTCOME_WEIGHTS = {
  granted: 45, partial: 10,
  'withheld.state_secret': 0.5, 'withheld.prohibited': 1, 'withheld.security': 0.5, 'withheld.third_party': 2,
  'withheld.internal': 1.5, 'withheld.process': 2, 'withheld.enforcement': 0.5, 'withheld.query': 0.5,
  'unavailable.not_held': 18, 'unavailable.needs_creation': 3, 'unavailable.unclear': 2,
  'rejected.petition': 3, 'rejected.repeat': 2, 'rejected.publication': 0.5, 'rejected.excessive': 0.5, 'rejected.confirmation': 1,
  other: 3.5, 'other.no_correction': 2, 'other.no_fee': 0.5, 'other.other': 1,
}
const amount = (rng, mean) => (Math.max(1, rng.skewed(mean * 100)) / 100).toFixed(2)

/** Per-unit state carried from year to year (carry-over and in-force chains stay consistent). */
function unitState(rng, unit) {
  const p = PROFILE[unit.kind]
  return {
    scale: 0.5 + rng.next() * 1.5,
    activeBase: Math.max(3, rng.skewed(p.active)),
    carriedOut: null,
    normativeInForce: unit.kind === 'department' ? rng.int(2, 30) : rng.int(0, 4),
    items: { licensing: rng.int(0, 30), other_services: rng.int(0, 10), penalty: rng.int(0, 40), coercion: rng.int(0, 8), admin_fees: rng.int(0, 6) },
  }
}

function activeFigures(rng, unit, st, layout) {
  const p = PROFILE[unit.kind]
  const dept = unit.kind === 'department'
  const issued = rng.skewed(dept ? 2 : 0.3)
  const repealed = Math.min(st.normativeInForce, rng.skewed(dept ? 1 : 0.15))
  st.normativeInForce += issued - repealed
  const decisions = { licensing: rng.skewed(p.decisions * st.scale), penalty: rng.skewed(p.penalty * st.scale), coercion: rng.skewed(dept ? 5 : 0.3), other_services: rng.skewed(dept ? 20 : 1) }
  if (layout === '2021') {
    return {
      regulations: { issued: 0, repealed: 0, in_force: 0 },
      normative_docs: { issued, repealed, in_force: st.normativeInForce },
      licensing: { decisions: decisions.licensing },
      penalty: { decisions: decisions.penalty },
      coercion: { decisions: decisions.coercion },
      admin_fees: { fee_amount: rng.chance(p.fees) ? amount(rng, 12) : 0 },
    }
  }
  const items = (k) => {
    const change = rng.int(-1, 2)
    const prev = st.items[k]
    st.items[k] = Math.max(0, prev + change)
    return { prev_items: prev, change: st.items[k] - prev }
  }
  const procure = dept && rng.chance(0.6) ? rng.int(1, 12) : 0
  return {
    regulations: { made: 0, published: 0, total_published: 0 },
    normative_docs: { made: issued, published: issued, total_published: st.normativeInForce },
    licensing: { ...items('licensing'), decisions: decisions.licensing },
    other_services: { ...items('other_services'), decisions: decisions.other_services },
    penalty: { ...items('penalty'), decisions: decisions.penalty },
    coercion: { ...items('coercion'), decisions: decisions.coercion },
    admin_fees: items('admin_fees'),
    procurement: { procurement_count: procure, procurement_amount: procure ? amount(rng, 40 * procure) : 0 },
  }
}

/** Applications: per applicant column received + carried_in = handled + carried_out, outcomes add up. */
function applicationFigures(rng, unit, st, layout) {
  const rows = Object.fromEntries(applicationRows(layout).map(([k]) => [k, {}]))
  const received = rng.split(rng.skewed(PROFILE[unit.kind].apps * st.scale), APPLICANT_WEIGHTS)
  const outcomes = outcomeRows(layout).map(([k]) => k)
  APPLICANT_PARTS.forEach((col, j) => {
    const carriedIn = st.carriedOut ? st.carriedOut[j] : (j === 0 && rng.chance(0.15) ? 1 : 0)
    const workload = received[j] + carriedIn
    const carriedOut = rng.split(workload, [6, 94])[0]
    const handled = workload - carriedOut
    const parts = rng.split(handled, outcomes.map((k) => OUTCOME_WEIGHTS[k]))
    rows.received[col] = received[j]
    rows.carried_in[col] = carriedIn
    outcomes.forEach((k, i) => { rows[k][col] = parts[i] })
    rows.handled[col] = handled
    rows.carried_out[col] = carriedOut
  })
  for (const r of Object.values(rows)) r.total = APPLICANT_PARTS.reduce((a, c) => a + r[c], 0)
  st.carriedOut = APPLICANT_PARTS.map((c) => rows.carried_out[c])
  return rows
}

function reviewFigures(rng, unit) {
  const dept = unit.kind === 'department'
  const out = {}
  const odds = { review: dept ? 0.2 : 0.04, litigation_direct: dept ? 0.08 : 0.01, litigation_after_review: dept ? 0.05 : 0.005 }
  for (const b of REVIEW_BLOCK_KEYS) {
    const n = rng.chance(odds[b]) ? rng.int(1, 4) : 0
    const [upheld, corrected, other, pending] = rng.split(n, [6, 1, 1, 2])
    Object.assign(out, { [`${b}_upheld`]: upheld, [`${b}_corrected`]: corrected, [`${b}_other`]: other, [`${b}_pending`]: pending, [`${b}_total`]: n })
  }
  return out
}

// ---------------------------------------------------------------- deliberate rule breaks

/**
 * Each break touches one report and, by construction, breaks only its own rule (e.g. the
 * applicant_sum break adds 1 to received.total and to carried_out.total, so the flow identity
 * still holds; it is put on a unit's last year so the carry chain holds too).
 */
const BREAKS = [
  { rule: 'text_cells', severity: 'error', need: (r) => r.layout === '2021', table: 'applications', cells: [['received', 'commercial', () => '详见附表']] },
  { rule: 'blank_cells', severity: 'info', need: () => true, table: 'active', cells: [['licensing', 'decisions', () => '']] },
  { rule: 'blank_cells', severity: 'info', need: () => true, table: 'active', cells: [['penalty', 'decisions', () => '']] },
  { rule: 'negative', severity: 'error', need: () => true, table: 'active', cells: [['coercion', 'decisions', () => '-1']] },
  { rule: 'flow_identity', severity: 'error', need: () => true, table: 'applications', cells: [['received', 'natural_person', (v) => v + 1], ['received', 'total', (v) => v + 1]] },
  { rule: 'handled_sum', severity: 'error', need: () => true, table: 'applications', cells: [['granted', 'natural_person', (v) => v + 1], ['granted', 'total', (v) => v + 1]] },
  { rule: 'applicant_sum', severity: 'error', need: (r) => r.lastYear, table: 'applications', cells: [['received', 'total', (v) => v + 1], ['carried_out', 'total', (v) => v + 1]] },
  { rule: 'review_sum', severity: 'error', need: () => true, table: 'reviews', cells: [[null, 'review_total', (v) => v + 1]] },
  { rule: 'no_township_regulations', severity: 'warning', need: (r) => r.unit.kind !== 'department' && r.layout === '2021' && r.lastYear, table: 'active', cells: [['regulations', 'issued', () => 1], ['regulations', 'in_force', () => 1]] },
  // Chosen before figures are drawn: the report is written in the 2019 layout although it is 2021+.
  { rule: 'format_year', severity: 'warning', need: (r) => r.year >= 2022, table: 'reports', cells: [] },
]

// ---------------------------------------------------------------- the bundle

/**
 * @param {object} o
 * @param {Array} o.hierarchy every unit (province … reporting units), for units.csv
 * @param {Array} o.reporting the reporting units
 * @param {number[]} o.years
 * @param {number} [o.reports] cap on the number of reports (unit-major order)
 * @param {string|number} o.seed
 * @param {boolean} [o.breaks] add the deliberate rule breaks (default true)
 * @param {'key'|'zh'} [o.labels] headers and row labels as keys or official Chinese labels
 * @param {string} [o.eol]
 * @param {string} [o.source] value of reports.csv `source`
 */
export function buildBundle(o) {
  const rng = makeRng(`${o.seed}:figures`)
  const zh = o.labels === 'zh'
  const hdr = (pairs) => pairs.map(([k, z]) => (zh ? z : k))
  const eol = o.eol ?? '\n'

  // The plan (unit × year) comes first so breaks can be chosen before figures are drawn.
  const plan = []
  for (const unit of o.reporting) {
    for (const year of o.unitYears?.get(unit.code) ?? o.years) {
      if (o.reports != null && plan.length >= o.reports) break
      plan.push({ unit, year, layout: formatForYear(year), lastYear: false })
    }
    if (plan.length && plan.at(-1).unit === unit) plan.at(-1).lastYear = true
  }
  const breaks = []
  if (o.breaks !== false) {
    const brng = makeRng(`${o.seed}:breaks`)
    const taken = new Set()
    for (const b of BREAKS) {
      const candidates = plan.filter((r, i) => !taken.has(i) && b.need(r))
      if (!candidates.length) continue
      const r = brng.pick(candidates)
      taken.add(plan.indexOf(r))
      if (b.rule === 'format_year') r.layout = '2019'
      breaks.push({ ...b, report: r })
    }
  }

  // Figures.
  const states = new Map()
  for (const r of plan) {
    if (!states.has(r.unit)) states.set(r.unit, unitState(rng, r.unit))
    const st = states.get(r.unit)
    r.activeTotal = Math.max(0, Math.round(st.activeBase * (0.75 + rng.next() * 0.5)))
    r.active = activeFigures(rng, r.unit, st, r.layout)
    r.apps = applicationFigures(rng, r.unit, st, r.layout)
    r.reviews = reviewFigures(rng, r.unit)
  }

  // Apply breaks to the figures (values become strings where they are text or blank).
  const manifestBreaks = []
  for (const b of breaks) {
    const r = b.report
    const cells = []
    for (const [row, col, f] of b.cells) {
      const target = b.table === 'applications' ? r.apps[row] : b.table === 'active' ? r.active[row] : r.reviews
      const before = target[col]
      target[col] = f(before)
      cells.push({ row, column: col, before: String(before), after: String(target[col]) })
    }
    manifestBreaks.push({ rule: b.rule, severity: b.severity, unit_code: r.unit.code, unit_name: r.unit.name, year: r.year, table: b.table, cells, report: r })
  }

  // Sparse profile: absent tables and rows, blank totals (recorded in the manifest).
  const partial = o.partial ? o.partial(plan, new Set(breaks.map((b) => b.report))) : null

  // Serialise, recording the line (1-based, header = line 1) of every row that a break touches.
  const lineOf = new Map() // `${table}|${code}|${year}|${row}` → line
  const reportsRows = plan.map((r, i) => {
    lineOf.set(`reports|${r.unit.code}|${r.year}|`, i + 2)
    return [r.unit.code, r.unit.name, r.year, r.unit.parentCode, r.unit.parentName ?? '', r.unit.level, r.layout, r.activeTotal, o.source ?? '']
  })
  const activeRows = []
  const activeMeasureKeys = ACTIVE_MEASURES.map(([k]) => k)
  for (const r of plan) {
    for (const [item, label] of ACTIVE_ITEMS[r.layout]) {
      lineOf.set(`active|${r.unit.code}|${r.year}|${item}`, activeRows.length + 2)
      const v = r.active[item]
      activeRows.push([r.unit.code, r.year, zh ? label : item, ...activeMeasureKeys.map((m) => (m in v ? v[m] : ''))])
    }
  }
  const appRows = []
  for (const r of plan) {
    if (!r.apps) continue // no section 三 table in this report
    for (const [row] of applicationRows(r.layout)) {
      if (!r.apps[row]) continue // a row the report left out
      lineOf.set(`applications|${r.unit.code}|${r.year}|${row}`, appRows.length + 2)
      appRows.push([r.unit.code, r.year, zh ? APP_LABEL[row] : row, ...APPLICANT_COLUMNS.map(([c]) => r.apps[row][c])])
    }
  }
  const reviewRows = plan.filter((r) => r.reviews).map((r, i) => {
    lineOf.set(`reviews|${r.unit.code}|${r.year}|`, i + 2)
    return [r.unit.code, r.year, ...REVIEW_COLUMNS.map(([c]) => r.reviews[c])]
  })
  const unitRows = o.hierarchy.map((u) => [u.code, u.name, u.parentCode, u.level])

  const itemHeader = zh ? '信息内容' : 'item'
  const rowHeader = zh ? '项目' : 'row'
  const files = {
    'units.csv': toCsv(hdr(UNIT_COLUMNS), unitRows, eol),
    'reports.csv': toCsv(hdr(REPORT_COLUMNS), reportsRows, eol),
    'active.csv': toCsv([...hdr(KEY_COLUMNS), itemHeader, ...hdr(ACTIVE_MEASURES)], activeRows, eol),
    'applications.csv': toCsv([...hdr(KEY_COLUMNS), rowHeader, ...hdr(APPLICANT_COLUMNS)], appRows, eol),
    'reviews.csv': toCsv([...hdr(KEY_COLUMNS), ...hdr(REVIEW_COLUMNS)], reviewRows, eol),
  }
  const colLabel = Object.fromEntries([...APPLICANT_COLUMNS, ...ACTIVE_MEASURES, ...REVIEW_COLUMNS, ...REPORT_COLUMNS])
  const manifest = {
    seed: String(o.seed),
    ...(partial ? { profile: 'sparse', partial } : {}),
    labels: zh ? 'zh' : 'key',
    years: [...new Set(plan.map((r) => r.year))],
    counts: {
      reports: plan.length,
      units: new Set(plan.map((r) => r.unit.code)).size,
      hierarchy_units: o.hierarchy.length,
      rows: { 'units.csv': unitRows.length, 'reports.csv': reportsRows.length, 'active.csv': activeRows.length, 'applications.csv': appRows.length, 'reviews.csv': reviewRows.length },
    },
    breaks: manifestBreaks.map(({ report, ...b }) => ({
      ...b,
      file: `${b.table}.csv`,
      cells: b.cells.map((c) => ({
        ...c,
        line: lineOf.get(`${b.table}|${b.unit_code}|${b.year}|${c.row ?? ''}`),
        header: zh ? colLabel[c.column] : c.column,
      })),
      ...(b.rule === 'format_year' ? { line: lineOf.get(`reports|${b.unit_code}|${b.year}|`), note: `${b.year} report written in the 2019 layout (format column says 2019)` } : {}),
    })),
  }
  return { files, manifest }
}

/**
 * A whole bundle from a few numbers: `reports` reports over `years` (e.g. [2019, 2024]).
 * Same options → same bytes.
 */
export function generateBundle({ reports = 200, years = [2019, 2024], seed = 1, breaks = true, labels = 'key', eol = '\n', provCode } = {}) {
  const yearList = []
  for (let y = years[0]; y <= years[1]; y++) yearList.push(y)
  const rng = makeRng(`${seed}:units`)
  const { all, reporting } = makeHierarchy(rng, Math.ceil(reports / yearList.length), provCode)
  return buildBundle({ hierarchy: all, reporting, years: yearList, reports, seed, breaks, labels, eol, source: `gen-bundle seed=${seed}` })
}
