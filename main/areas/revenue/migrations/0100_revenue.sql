-- Revenue monitoring: the directorates (one Appendix 1 table each), their sections, one row per month
-- and budget line, the Appendix 2 commentaries and the narrative sections of each month.

CREATE TABLE revenue_directorates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  appendix TEXT NOT NULL,
  expenditure_total_label TEXT NOT NULL,
  overall_total_label TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

CREATE TABLE revenue_sections (
  directorate_id TEXT NOT NULL REFERENCES revenue_directorates(id),
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  total_label TEXT,
  is_mitigation INTEGER NOT NULL DEFAULT 0 CHECK (is_mitigation IN (0, 1)),
  summary_row TEXT NOT NULL,
  PRIMARY KEY (directorate_id, name)
);

CREATE TABLE revenue_lines (
  period TEXT NOT NULL REFERENCES periods(id),
  line_key TEXT NOT NULL,
  directorate_id TEXT NOT NULL REFERENCES revenue_directorates(id),
  section TEXT NOT NULL,
  subsection TEXT,
  label TEXT NOT NULL,
  committee TEXT,
  budget_holder TEXT,
  sort_order INTEGER NOT NULL,
  gross_budget INTEGER,
  income_budget INTEGER,
  actual INTEGER,
  forecast_variance INTEGER,
  PRIMARY KEY (period, line_key),
  FOREIGN KEY (directorate_id, section) REFERENCES revenue_sections(directorate_id, name)
);
CREATE INDEX revenue_lines_by_directorate ON revenue_lines (period, directorate_id, sort_order);

-- subject_key: 'line:<line key>' or 'area:<directorate>:<section>[:<subsection>]'. carried = 1 while the
-- text is last month's, brought forward as the starting draft and not yet edited.
CREATE TABLE revenue_commentaries (
  period TEXT NOT NULL REFERENCES periods(id),
  subject_key TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  carried INTEGER NOT NULL DEFAULT 0 CHECK (carried IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (period, subject_key)
);

-- narrative_key: '1.1', '1.3:<directorate>', '2'.
CREATE TABLE revenue_narratives (
  period TEXT NOT NULL REFERENCES periods(id),
  narrative_key TEXT NOT NULL,
  body TEXT NOT NULL,
  carried INTEGER NOT NULL DEFAULT 0 CHECK (carried IN (0, 1)),
  PRIMARY KEY (period, narrative_key)
);
