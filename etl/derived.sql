-- Tables the server queries, rebuilt by every ETL run from letters and items.
-- facts: one row per service with the letter fields it is filtered and grouped by, without
-- the long texts, sorted by decision date so date filters skip whole row groups.
CREATE OR REPLACE TABLE facts AS
SELECT i.letter_id, i.item_no, i.treatment, i.decision, i.category, i.subcategory, i.guideline_sources,
  i.mtus_chapters, i.body_region, i.outside_mtus, i.retrospective, i.quantity, i.drug_name,
  l.decision_date, l.date_of_injury, l.reviewer_specialty, l.reviewer_licensure, l.patient_age,
  l.patient_gender, l.layout, l.synthetic
FROM items i JOIN letters l USING (letter_id)
ORDER BY l.decision_date, i.letter_id, i.item_no;

-- treatments: the distinct treatment names, far fewer than services, so a search scans these.
CREATE OR REPLACE TABLE treatments AS
SELECT treatment, count(*)::INTEGER AS n FROM items GROUP BY treatment;
