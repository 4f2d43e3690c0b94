-- The savings pipeline: proposals for a coming year's Business Plan, each with its savings by year,
-- made tracker lines of that year when the plan is agreed (line_id then links the two).
CREATE TABLE savings_proposals (
  id TEXT PRIMARY KEY,
  directorate_id TEXT NOT NULL REFERENCES savings_directorates(id),
  bp_ref TEXT NOT NULL,
  title TEXT NOT NULL,
  responsible_officer TEXT,
  full_year_effect INTEGER,
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'agreed')),
  line_id TEXT REFERENCES savings_lines(id)
);

CREATE TABLE savings_proposal_years (
  proposal_id TEXT NOT NULL REFERENCES savings_proposals(id),
  financial_year TEXT NOT NULL CHECK (financial_year GLOB '20[0-9][0-9]-[0-9][0-9]'),
  amount INTEGER NOT NULL,
  PRIMARY KEY (proposal_id, financial_year)
);
