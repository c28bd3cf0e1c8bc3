-- Tables the server queries, rebuilt by every ETL run from letters and items.

-- sets: each distinct list of guideline sources, MTUS chapters or licensure states, once, with
-- the labels a breakdown shows (an empty list is 'None', no licensure is 'Not stated'). Facts
-- carry a set's id: grouping by an integer and unnesting the few groups afterwards is ten
-- times faster than unnesting every service.
CREATE OR REPLACE TABLE sets AS
SELECT row_number() OVER (ORDER BY kind, list::VARCHAR)::INTEGER AS id, kind, list,
  CASE WHEN coalesce(len(list), 0) > 0 THEN list WHEN kind = 'licensure' THEN ['Not stated'] ELSE ['None'] END AS labels
FROM (SELECT DISTINCT 'guideline' AS kind, guideline_sources AS list FROM items
  UNION SELECT DISTINCT 'chapter', mtus_chapters FROM items
  UNION SELECT DISTINCT 'licensure', reviewer_licensure FROM letters);

-- codes: a small integer for each value of the facet columns. Facts and facet_cube carry the
-- codes beside the values: a scan keeps the rows equal to one integer three times faster than
-- those equal to one string, and the server binds the codes a filter asks for.
CREATE OR REPLACE TABLE codes AS
SELECT kind, value, row_number() OVER (PARTITION BY kind ORDER BY value)::SMALLINT AS code
FROM (SELECT DISTINCT 'category' AS kind, category AS value FROM items
  UNION SELECT DISTINCT 'subcategory', subcategory FROM items
  UNION SELECT DISTINCT 'body_region', body_region FROM items
  UNION SELECT DISTINCT 'specialty', reviewer_specialty FROM letters
  UNION SELECT DISTINCT 'gender', patient_gender FROM letters
  UNION SELECT DISTINCT 'layout', layout FROM letters)
WHERE value IS NOT NULL;

-- treatments: the distinct treatment names, far fewer than services, so a search scans these
-- and facts are kept by their id.
CREATE OR REPLACE TABLE treatments AS
SELECT row_number() OVER (ORDER BY treatment)::INTEGER AS id, treatment, count(*)::INTEGER AS n FROM items GROUP BY treatment;

-- facts: one row per service with the letter fields it is filtered and grouped by, without
-- the long texts, sorted by decision date so date filters skip whole row groups. letter_key
-- numbers the letters densely, so the server counts distinct letters with a bitmap, and
-- first_item marks one service per letter, and letter_block is letter_key // 64, a small
-- integer DuckDB groups by with a perfect hash, as it does decision_month_no (year * 12 +
-- month - 1) with a facet code. cube_key is the service's row in facet_cube.
CREATE OR REPLACE TABLE facts AS
SELECT dense_rank() OVER (ORDER BY l.decision_date, i.letter_id)::INTEGER AS letter_key,
  dense_rank() OVER (ORDER BY l.decision_date, i.letter_id)::INTEGER // 64 AS letter_block,
  i.item_no = min(i.item_no) OVER (PARTITION BY i.letter_id) AS first_item,
  dense_rank() OVER (ORDER BY i.category, i.subcategory, i.decision, g.id, c.id, l.reviewer_specialty, s.id,
    l.patient_gender, i.body_region, l.layout)::INTEGER AS cube_key,
  i.letter_id, i.item_no, i.treatment, t.id AS treatment_id, i.decision, i.decision = 'Upheld' AS upheld, i.category, i.subcategory,
  i.guideline_sources, g.id AS guideline_set, i.mtus_chapters, c.id AS chapter_set, i.body_region, i.outside_mtus,
  i.retrospective, i.quantity, i.drug_name, l.decision_date, (year(l.decision_date) * 12 + month(l.decision_date) - 1)::INTEGER AS decision_month_no,
  l.date_of_injury, l.reviewer_specialty, l.reviewer_licensure, s.id AS licensure_set, l.patient_age,
  l.patient_gender, l.layout, l.synthetic,
  list_position((SELECT list(value ORDER BY code) FROM codes WHERE kind = 'category'), i.category)::SMALLINT AS category_code,
  list_position((SELECT list(value ORDER BY code) FROM codes WHERE kind = 'subcategory'), i.subcategory)::SMALLINT AS subcategory_code,
  list_position((SELECT list(value ORDER BY code) FROM codes WHERE kind = 'body_region'), i.body_region)::SMALLINT AS body_region_code,
  list_position((SELECT list(value ORDER BY code) FROM codes WHERE kind = 'specialty'), l.reviewer_specialty)::SMALLINT AS specialty_code,
  list_position((SELECT list(value ORDER BY code) FROM codes WHERE kind = 'gender'), l.patient_gender)::SMALLINT AS gender_code,
  list_position((SELECT list(value ORDER BY code) FROM codes WHERE kind = 'layout'), l.layout)::SMALLINT AS layout_code
FROM items i JOIN letters l USING (letter_id) JOIN treatments t ON t.treatment IS NOT DISTINCT FROM i.treatment
JOIN sets g ON g.kind = 'guideline' AND g.list IS NOT DISTINCT FROM i.guideline_sources
JOIN sets c ON c.kind = 'chapter' AND c.list IS NOT DISTINCT FROM i.mtus_chapters
JOIN sets s ON s.kind = 'licensure' AND s.list IS NOT DISTINCT FROM l.reviewer_licensure
ORDER BY l.decision_date, i.letter_id, i.item_no;

-- facet_cube: services counted by every facet column, a few percent of the facts' rows.
-- Facets, rates and cross-tabs by these columns read it, or, under other filters, count
-- facts by cube_key and join it.
CREATE OR REPLACE TABLE facet_cube AS
SELECT cube_key, first(upheld) AS upheld, first(guideline_set) AS guideline_set, first(chapter_set) AS chapter_set,
  first(licensure_set) AS licensure_set, first(category_code) AS category_code, first(subcategory_code) AS subcategory_code,
  first(body_region_code) AS body_region_code, first(specialty_code) AS specialty_code, first(gender_code) AS gender_code,
  first(layout_code) AS layout_code, count(*)::INTEGER AS n
FROM facts GROUP BY cube_key ORDER BY cube_key;

-- treatment_cube: services counted by treatment and cube_key, a tenth of the facts' rows. Under
-- a treatment search (and facet filters), facets, rates and cross-tabs count these, not facts.
CREATE OR REPLACE TABLE treatment_cube AS
SELECT treatment_id, cube_key, count(*)::INTEGER AS n FROM facts GROUP BY ALL ORDER BY ALL;
