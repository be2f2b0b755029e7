// The "sparse" profile of the generator: bundles that look like real ones (issue 15).
//  - units report in scattered years: most have one or two reports, few have every year;
//  - levels mix: townships, subdistricts and county departments, county governments, city departments;
//  - long real-style names (20+ characters) for a good share of the units;
//  - partial tables: reports without a section 三 table, outcome groups with absent rows
//    (5 of the 8 不予公开 rows…), totals left blank while their parts are filled, blank active_total.
// Everything it leaves out or blanks is listed in manifest.partial, so tests can check the charts.
import { makeRng } from './prng.mjs'
import { buildBundle, makeHierarchy } from './generate.mjs'
import { applicationRows } from './format.mjs'

const LONG_DEPTS = ['住房和城乡建设局', '市场监督管理局', '人力资源和社会保障局', '自然资源和规划局', '卫生健康委员会', '交通运输局', '生态环境局']
const LONG_SUFFIX = ['综合行政执法大队', '行政审批服务中心', '劳动人事争议仲裁院', '不动产登记服务中心', '政务服务管理办公室']
const CITY_DEPTS = ['发展和改革委员会', '教育局', '财政局', '司法局', '审计局', '统计局']

/** A long name in the style of real reporting bodies (departments' run to 20+ characters). */
function longName(rng, u, names, used) {
  const { prov, city, county } = names
  for (let i = 0; ; i++) {
    let name
    if (u.level === '街道') name = `${city}${county}人民政府${u.name.replace(/街道$/, '')}街道办事处`
    else if (u.level === '乡镇') name = `${city}${county}${u.name}人民政府`
    else {
      name = `${city}${county}${rng.pick(LONG_DEPTS)}${rng.pick(LONG_SUFFIX)}`
      if ([...name].length < 20) name = prov + name
    }
    if (i > 0) name += `（${i + 1}）`
    if (!used.has(name)) { used.add(name); return name }
  }
}

/** How many reports a unit has: mostly one or two (real bundles), now and then every year. */
function reportCount(rng, years) {
  const r = rng.next()
  const k = r < 0.45 ? 1 : r < 0.78 ? 2 : r < 0.9 ? 3 : rng.int(4, years)
  return Math.min(k, years)
}

/** k distinct years, scattered; the latest year is reported less (it is often incomplete). */
function pickYears(rng, years, k) {
  const pool = years.map((y, i) => ({ y, w: (i === years.length - 1 ? 0.4 : 1) * rng.next() }))
  return pool.sort((a, b) => b.w - a.w).slice(0, k).map((p) => p.y).sort((a, b) => a - b)
}

/** Reporting units of mixed levels, `units` of them, a share with long names. */
function sparseUnits(rng, units) {
  const { all, reporting } = makeHierarchy(rng, Math.max(1, Math.ceil(units * 0.8)))
  const byCode = new Map(all.map((u) => [u.code, u]))
  const used = new Set(all.map((u) => u.name))
  const out = [...reporting]
  // county governments report too (level 县), and city departments (level 部门 under a city)
  for (const c of all.filter((u) => u.level === '县')) if (out.length < units && rng.chance(0.5)) out.push(c)
  const cities = all.filter((u) => u.level === '市')
  let k = 0
  while (out.length < units) {
    const city = cities[k % cities.length]
    const name = `${city.name}${CITY_DEPTS[k % CITY_DEPTS.length]}${k >= CITY_DEPTS.length ? `（${Math.floor(k / CITY_DEPTS.length) + 1}）` : ''}`
    const dept = { code: `${city.code}00${String(900 + k).padStart(3, '0')}000`, name, parentCode: city.code, parentName: city.name, level: '部门', kind: 'department' }
    used.add(name)
    all.push(dept)
    out.push(dept)
    k++
  }
  const reportingNow = out.slice(0, units)
  for (const u of reportingNow) {
    if (u.level === '县' || !rng.chance(0.4)) continue
    const county = byCode.get(u.parentCode)
    const city = county ? byCode.get(county.parentCode) : undefined
    if (!county || !city || county.level !== '县') continue
    u.name = longName(rng, u, { prov: all[0].name, city: city.name, county: county.name }, used)
  }
  for (const u of reportingNow) {
    if (!u.kind) u.kind = 'department' // county governments: department-sized figures
    if (u.parentName == null) u.parentName = byCode.get(u.parentCode)?.name ?? ''
  }
  return { all, reporting: reportingNow }
}

const GROUP_ROWS = (layout, g) => applicationRows(layout).filter((r) => r[2] === g).map((r) => r[0])

/**
 * Leaves out and blanks parts of the reports (never those carrying a deliberate break): returns what it did.
 * Applied to the figures before they are written; absent = the row (or table) is not in the file.
 */
function makePartial(seed) {
  return (plan, protectedReports) => {
    const rng = makeRng(`${seed}:partial`)
    const out = { noApplications: [], absentRows: [], blankTotals: [], blankActiveTotal: [], noReviews: [] }
    for (const r of plan) {
      if (protectedReports.has(r)) continue
      const key = { unit_code: r.unit.code, year: r.year }
      if (rng.chance(0.15)) { r.apps = null; out.noApplications.push(key) } else if (rng.chance(0.22)) {
        // a group with rows left out (5 of the 8 不予公开 rows, 2 of the 3 无法提供 rows…)
        const groups = ['withheld', 'unavailable', 'rejected', ...(r.layout === '2021' ? ['other'] : [])]
        const g = rng.pick(groups)
        const rows = GROUP_ROWS(r.layout, g)
        const drop = rows.filter(() => rng.chance(0.4)).slice(0, rows.length - 1)
        if (!drop.length) drop.push(rows[rows.length - 1])
        for (const row of drop) delete r.apps[row]
        out.absentRows.push({ ...key, group: g, rows: drop })
      } else if (rng.chance(0.12)) {
        // 总计 left blank while the applicant columns are filled (a real case)
        const g = rng.pick(['withheld', 'unavailable', 'rejected'])
        const row = rng.pick(GROUP_ROWS(r.layout, g))
        r.apps[row].total = ''
        out.blankTotals.push({ ...key, group: g, row })
      }
      if (rng.chance(0.08)) { r.activeTotal = ''; out.blankActiveTotal.push(key) }
      if (rng.chance(0.1)) { r.reviews = null; out.noReviews.push(key) }
    }
    return out
  }
}

/**
 * A sparse bundle: `units` reporting units over `years` ([first, last]), each with one to a few
 * reports in scattered years, partial tables and long names. Same options → same bytes.
 */
export function generateSparseBundle({ units = 40, years = [2019, 2024], seed = 1, breaks = false, labels = 'key', eol = '\n' } = {}) {
  const yearList = []
  for (let y = years[0]; y <= years[1]; y++) yearList.push(y)
  const rng = makeRng(`${seed}:sparse-units`)
  const { all, reporting } = sparseUnits(rng, units)
  const unitYears = new Map(reporting.map((u) => [u.code, pickYears(rng, yearList, reportCount(rng, yearList.length))]))
  return buildBundle({
    hierarchy: all, reporting, years: yearList, unitYears, seed, breaks, labels, eol,
    source: `gen-bundle sparse seed=${seed}`, partial: makePartial(seed),
  })
}
