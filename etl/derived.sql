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

-- facts: one row per service with the letter fields it is filtered and grouped by, without
-- the long texts, sorted by decision date so date filters skip whole row groups. letter_key
-- numbers the letters densely, so the server counts distinct letters with a bitmap, and
-- first_item marks one service per letter. cube_key is the service's row in facet_cube.
CREATE OR REPLACE TABLE facts AS
SELECT dense_rank() OVER (ORDER BY l.decision_date, i.letter_id)::INTEGER AS letter_key,
  i.item_no = min(i.item_no) OVER (PARTITION BY i.letter_id) AS first_item,
  dense_rank() OVER (ORDER BY i.category, i.subcategory, i.decision, g.id, c.id, l.reviewer_specialty, s.id,
    l.patient_gender, i.body_region, l.layout)::INTEGER AS cube_key,
  i.letter_id, i.item_no, i.treatment, i.decision, i.decision = 'Upheld' AS upheld, i.category, i.subcategory,
  i.guideline_sources, g.id AS guideline_set, i.mtus_chapters, c.id AS chapter_set, i.body_region, i.outside_mtus,
  i.retrospective, i.quantity, i.drug_name, l.decision_date, date_trunc('month', l.decision_date)::DATE AS decision_month,
  l.date_of_injury, l.reviewer_specialty, l.reviewer_licensure, s.id AS licensure_set, l.patient_age,
  l.patient_gender, l.layout, l.synthetic
FROM items i JOIN letters l USING (letter_id)
JOIN sets g ON g.kind = 'guideline' AND g.list IS NOT DISTINCT FROM i.guideline_sources
JOIN sets c ON c.kind = 'chapter' AND c.list IS NOT DISTINCT FROM i.mtus_chapters
JOIN sets s ON s.kind = 'licensure' AND s.list IS NOT DISTINCT FROM l.reviewer_licensure
ORDER BY l.decision_date, i.letter_id, i.item_no;

-- facet_cube: services counted by every facet column, a few percent of the facts' rows.
-- Facets, rates and cross-tabs by these columns read it, or, under other filters, count
-- facts by cube_key and join it.
CREATE OR REPLACE TABLE facet_cube AS
SELECT cube_key, first(category) AS category, first(subcategory) AS subcategory, first(decision) AS decision,
  first(upheld) AS upheld, first(guideline_set) AS guideline_set, first(chapter_set) AS chapter_set,
  first(reviewer_specialty) AS reviewer_specialty, first(licensure_set) AS licensure_set,
  first(patient_gender) AS patient_gender, first(body_region) AS body_region, first(layout) AS layout, count(*)::INTEGER AS n
FROM facts GROUP BY cube_key ORDER BY cube_key;

-- treatments: the distinct treatment names, far fewer than services, so a search scans these.
CREATE OR REPLACE TABLE treatments AS
SELECT treatment, count(*)::INTEGER AS n FROM items GROUP BY treatment;
