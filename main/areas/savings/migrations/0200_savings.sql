-- Savings Tracker (FMR Appendix 4): the register of savings, one current forecast each, and the
-- quarter's tracker frozen when the month publishing it closes. Money in hundredths of £000, negative = saving.

CREATE TABLE savings_directorates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

INSERT INTO savings_directorates (id, name, sort_order) VALUES
  ('ahc', 'Adults, Health and Commissioning', 1),
  ('ph', 'Public Health', 2);

CREATE TABLE savings_lines (
  id TEXT PRIMARY KEY,
  financial_year TEXT NOT NULL CHECK (financial_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  directorate_id TEXT NOT NULL REFERENCES savings_directorates(id),
  seq INTEGER NOT NULL,
  bp_ref TEXT NOT NULL,
  title TEXT NOT NULL,
  owner TEXT,
  original_saving INTEGER,
  forecast_saving INTEGER,
  commentary TEXT,
  rag_override TEXT CHECK (rag_override IS NULL OR rag_override IN ('Black', 'Red', 'Amber', 'Green', 'Blue')),
  rag_override_reason TEXT,
  rag_override_by TEXT,
  rag_override_at TEXT,
  carried_from TEXT REFERENCES savings_lines(id),
  -- An override always carries its reason.
  CHECK ((rag_override IS NULL) = (rag_override_reason IS NULL) AND (rag_override_reason IS NULL OR length(trim(rag_override_reason)) > 0))
);
CREATE INDEX savings_lines_year ON savings_lines (financial_year, directorate_id, seq);
CREATE UNIQUE INDEX savings_lines_carried ON savings_lines (carried_from) WHERE carried_from IS NOT NULL;

-- A quarter's tracker as published: the register copied when the publishing month closed, the RAG shown
-- then (rule's or override) kept with it. Removed when the month is reopened.
CREATE TABLE savings_snapshots (
  period TEXT NOT NULL REFERENCES periods(id),
  line_id TEXT NOT NULL,
  quarter TEXT NOT NULL,
  financial_year TEXT NOT NULL,
  directorate_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  bp_ref TEXT NOT NULL,
  title TEXT NOT NULL,
  owner TEXT,
  original_saving INTEGER,
  forecast_saving INTEGER,
  commentary TEXT,
  rag_override TEXT,
  rag_override_reason TEXT,
  rag_override_by TEXT,
  rag_override_at TEXT,
  carried_from TEXT,
  PRIMARY KEY (period, line_id)
);
