/**
 * The unit hierarchy: units.csv plus every reporting unit and the parents its reports name.
 * A parent known only by name gets the code of the unique unit with that name, else `name:<名称>`,
 * so that filters can still select it. `unit_tree` holds every (unit, ancestor-or-self) pair.
 */

const UNITS_TABLE_SQL = `CREATE OR REPLACE TABLE units AS
WITH rep AS (
  SELECT unit_code, arg_max(unit_name, year) AS unit_name, arg_max(parent_code, year) AS parent_code,
    arg_max(parent_name, year) AS parent_name, arg_max(level, year) AS level
  FROM reports GROUP BY unit_code),
csv AS (SELECT unit_code, unit_name, parent_code, level FROM w_units WHERE dup_rank = 1),
named AS (
  SELECT unit_name, min(unit_code) AS unit_code FROM (SELECT unit_code, unit_name FROM csv UNION SELECT unit_code, unit_name FROM rep)
  WHERE unit_name IS NOT NULL GROUP BY unit_name HAVING count(DISTINCT unit_code) = 1),
base AS (
  SELECT coalesce(c.unit_code, r.unit_code) AS unit_code, coalesce(c.unit_name, r.unit_name) AS unit_name,
    coalesce(c.parent_code, r.parent_code, n.unit_code, CASE WHEN r.parent_name IS NOT NULL THEN 'name:' || r.parent_name END) AS parent_code,
    r.parent_name AS stated_parent_name, coalesce(c.level, r.level) AS level
  FROM csv c FULL OUTER JOIN rep r ON r.unit_code = c.unit_code
  LEFT JOIN named n ON n.unit_name = r.parent_name),
parents AS (
  SELECT parent_code AS unit_code, arg_max(stated_parent_name, stated_parent_name IS NOT NULL) AS unit_name
  FROM base WHERE parent_code IS NOT NULL AND parent_code NOT IN (SELECT unit_code FROM base) GROUP BY parent_code),
everything AS (
  SELECT unit_code, unit_name, parent_code, level, stated_parent_name FROM base
  UNION ALL SELECT unit_code, coalesce(unit_name, regexp_replace(unit_code, '^name:', '')), NULL, NULL, NULL FROM parents)
SELECT e.unit_code, coalesce(e.unit_name, e.unit_code) AS unit_name,
  CASE WHEN e.parent_code = e.unit_code THEN NULL ELSE e.parent_code END AS parent_code,
  coalesce(p.unit_name, e.stated_parent_name) AS parent_name, e.level, 0 AS depth
FROM everything e LEFT JOIN (SELECT unit_code, unit_name FROM base UNION ALL SELECT unit_code, unit_name FROM parents) p
  ON p.unit_code = e.parent_code`

// Depth-limited so that a cycle in a bundle's parent codes cannot loop forever.
const TREE_SQL = `CREATE OR REPLACE TABLE unit_tree AS
WITH RECURSIVE t(unit_code, ancestor_code, dist) AS (
  SELECT unit_code, unit_code, 0 FROM units
  UNION ALL
  SELECT t.unit_code, u.parent_code, t.dist + 1 FROM t JOIN units u ON u.unit_code = t.ancestor_code
  WHERE u.parent_code IS NOT NULL AND t.dist < 12)
SELECT unit_code, ancestor_code, min(dist)::INTEGER AS dist FROM t GROUP BY unit_code, ancestor_code;
UPDATE units SET depth = d.depth FROM (SELECT unit_code, max(dist)::INTEGER AS depth FROM unit_tree GROUP BY unit_code) d
WHERE d.unit_code = units.unit_code`

export const UNITS_SQL: readonly string[] = [UNITS_TABLE_SQL, TREE_SQL]
