-- The one schema of the project: the ETL creates it, the server and the tests read it.
-- Other tools read these names; add columns, never rename them.
CREATE TABLE IF NOT EXISTS letters (
  letter_id VARCHAR PRIMARY KEY,
  case_number VARCHAR,
  layout VARCHAR,
  decision_date DATE,
  date_assigned DATE,
  date_of_injury DATE,
  ur_denial_date DATE,
  application_received DATE,
  priority VARCHAR,
  reviewer_specialty_raw VARCHAR,
  reviewer_specialty VARCHAR,
  reviewer_specialties VARCHAR[],
  reviewer_licensure VARCHAR[],
  patient_age INTEGER,
  patient_gender VARCHAR,
  diagnoses VARCHAR[],
  case_outcome VARCHAR,
  item_count INTEGER,
  full_text VARCHAR,
  source_file VARCHAR,
  source_sha256 VARCHAR,
  synthetic BOOLEAN,
  flags VARCHAR[],
  parser_version VARCHAR
);
-- Which engine read a PDF letter ('pdfium', or 'pdfjs' for a PDF PDFium cannot open); null for text.
ALTER TABLE letters ADD COLUMN IF NOT EXISTS pdf_engine VARCHAR;

CREATE TABLE IF NOT EXISTS items (
  letter_id VARCHAR,
  item_no INTEGER,
  treatment VARCHAR,
  decision VARCHAR,
  category VARCHAR,
  subcategory VARCHAR,
  claims_administrator_guideline VARCHAR,
  maximus_guideline VARCHAR,
  guideline_sources VARCHAR[],
  mtus_chapters VARCHAR[],
  mtus_sections VARCHAR[],
  outside_mtus BOOLEAN,
  body_region VARCHAR,
  drug_name VARCHAR,
  drug_strength VARCHAR,
  quantity INTEGER,
  quantity_unit VARCHAR,
  rationale VARCHAR,
  retrospective BOOLEAN,
  date_of_service DATE,
  service VARCHAR,
  surgical_context BOOLEAN,
  PRIMARY KEY (letter_id, item_no)
);

-- Columns added for the health-plan program (DMHC open data), so that a database made before
-- them gains them too. Null where a field is not the row's program's.
ALTER TABLE letters ADD COLUMN IF NOT EXISTS program VARCHAR; -- 'DWC' (letters) or 'DMHC'
ALTER TABLE letters ADD COLUMN IF NOT EXISTS report_year INTEGER; -- DMHC report year
-- DMHC: Medical Necessity, Experimental/Investigational or Urgent Care
ALTER TABLE letters ADD COLUMN IF NOT EXISTS review_type VARCHAR;
ALTER TABLE letters ADD COLUMN IF NOT EXISTS diagnosis_category VARCHAR; -- DMHC
ALTER TABLE letters ADD COLUMN IF NOT EXISTS diagnosis_subcategory VARCHAR; -- DMHC
ALTER TABLE letters ADD COLUMN IF NOT EXISTS age_band VARCHAR; -- 0-10 ... 65+; DWC's from patient_age
ALTER TABLE letters ADD COLUMN IF NOT EXISTS panel BOOLEAN; -- DMHC findings: a panel decided
ALTER TABLE items ADD COLUMN IF NOT EXISTS dmhc_category VARCHAR; -- DMHC treatment category
ALTER TABLE items ADD COLUMN IF NOT EXISTS dmhc_subcategory VARCHAR; -- DMHC treatment subcategory
-- The common treatment type of both programs (etl/rules/treatment-types.json)
ALTER TABLE items ADD COLUMN IF NOT EXISTS treatment_type VARCHAR;
-- DMHC findings: evidence families cited; [] when none, null without findings
ALTER TABLE items ADD COLUMN IF NOT EXISTS evidence_sources VARCHAR[];

CREATE TABLE IF NOT EXISTS quarantine (
  source_file VARCHAR,
  source_sha256 VARCHAR,
  reason VARCHAR,
  parser_version VARCHAR
);

-- Files whose letter id another file also holds: the later file (by path) is loaded, these are not.
-- For DMHC rows, a reference id in a file loaded by a later run replaces the earlier file's row.
CREATE TABLE IF NOT EXISTS duplicates (
  source_file VARCHAR,
  source_sha256 VARCHAR,
  letter_id VARCHAR
);

-- One row per run: where the data came from, so the API and dashboard can say so.
CREATE TABLE IF NOT EXISTS runs (
  finished_at TIMESTAMP,
  input VARCHAR,
  synthetic BOOLEAN,
  files INTEGER,
  letters INTEGER,
  items INTEGER,
  quarantined INTEGER
);

-- The state's own coding of a service, from the manifest `npm run fetch` writes beside the
-- letters (etl/state.ts): category_source is 'state' where it matched, 'rules' elsewhere.
-- A case the manifest lists with no letter loaded is a letters row flagged 'metadata only: no
-- letter' (full_text NULL) with the state's services as items (etl/metadata.ts).
ALTER TABLE items ADD COLUMN IF NOT EXISTS state_category VARCHAR;
ALTER TABLE items ADD COLUMN IF NOT EXISTS state_subcategory VARCHAR;
ALTER TABLE items ADD COLUMN IF NOT EXISTS state_decision VARCHAR;
ALTER TABLE items ADD COLUMN IF NOT EXISTS category_source VARCHAR;
-- Columns added since the first release, for databases made before them. flags: what the parser
-- loaded around ('item 2: no "MAXIMUS guideline:" paragraph'); parser_version: the hash of the
-- parsing code that read the letter (or quarantined the file), so a new parser re-reads it.
ALTER TABLE letters ADD COLUMN IF NOT EXISTS flags VARCHAR[];
ALTER TABLE letters ADD COLUMN IF NOT EXISTS parser_version VARCHAR;
ALTER TABLE items ADD COLUMN IF NOT EXISTS surgical_context BOOLEAN;
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS parser_version VARCHAR;

-- Which version of this schema the database holds (etl/schema.ts), and the release that wrote it.
CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER,
  release VARCHAR,
  written_at TIMESTAMP,
  schema_hash VARCHAR -- etl/schema.sql's, so that a change within a version rebuilds too
);

-- Which version of the derived statements built the tables the server reads (etl/derived.ts).
CREATE TABLE IF NOT EXISTS derived_version (version VARCHAR);
-- Why the reviewer decided (etl/reasons.ts, rules in etl/rules/reasons.ts): the reason families
-- the rationale gives (a DMHC case: its Findings), null without a text; each family's triggering
-- sentence as offsets into that text; the claims administrator's guideline families, and whether
-- they equal the reviewer's ('same', 'different'; null when either paragraph is missing).
ALTER TABLE items ADD COLUMN IF NOT EXISTS reason VARCHAR[];
ALTER TABLE items ADD COLUMN IF NOT EXISTS reason_spans STRUCT(reason VARCHAR, "start" INTEGER, "end" INTEGER)[];
ALTER TABLE items ADD COLUMN IF NOT EXISTS ca_guideline_sources VARCHAR[];
ALTER TABLE items ADD COLUMN IF NOT EXISTS guideline_agreement VARCHAR;

-- Review time (model/measures.ts) and the current DMHC download read whole. review_speed:
-- Standard or Expedited, a letter's Priority or a DMHC case's IMR Type. days_to_review and
-- days_to_adopt: the DMHC data set's own day counts. *_raw: a DMHC label as the file writes it,
-- beside its canonical name (etl/dmhc/labels.ts). A letter's spans come from its dates.
ALTER TABLE letters ADD COLUMN IF NOT EXISTS review_speed VARCHAR;
ALTER TABLE letters ADD COLUMN IF NOT EXISTS days_to_review INTEGER;
ALTER TABLE letters ADD COLUMN IF NOT EXISTS days_to_adopt INTEGER;
ALTER TABLE letters ADD COLUMN IF NOT EXISTS diagnosis_category_raw VARCHAR;
ALTER TABLE items ADD COLUMN IF NOT EXISTS dmhc_category_raw VARCHAR;
ALTER TABLE items ADD COLUMN IF NOT EXISTS dmhc_subcategory_raw VARCHAR;
