-- An officer's word on a check finding: accepted (a figure superseded by their own correction) or
-- acknowledged with a note (a published error kept as published). A review covers the finding only
-- while its reported and computed figures are the ones reviewed (fingerprint).
CREATE TABLE finding_reviews (
  period TEXT NOT NULL REFERENCES periods(id),
  area TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_key TEXT NOT NULL,
  column_key TEXT NOT NULL,
  rule TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('accepted', 'acknowledged')),
  note TEXT NOT NULL,
  reviewed_by TEXT NOT NULL,
  reviewed_at TEXT NOT NULL,
  PRIMARY KEY (period, area, table_name, row_key, column_key, rule)
);
