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
  synthetic BOOLEAN
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
  PRIMARY KEY (letter_id, item_no)
);

CREATE TABLE IF NOT EXISTS quarantine (
  source_file VARCHAR,
  source_sha256 VARCHAR,
  reason VARCHAR
);

-- Files whose letter id another file also holds: the later file (by path) is loaded, these are not.
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
