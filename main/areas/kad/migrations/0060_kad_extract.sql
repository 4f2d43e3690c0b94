-- Key Activity Data worked out from a care-package extract, per month, service and line, as the last
-- extract imported for that month gave them: the grid marks the figures that still match, the Checks page
-- lists where they differ from the figures of record, and Committed full-year spend is shown beside Total
-- spend. Only aggregates: no person ID or date of birth is ever stored.
CREATE TABLE kad_extract_figures (
  period TEXT NOT NULL REFERENCES periods(id),
  service_id TEXT NOT NULL REFERENCES kad_services(id),
  line_key TEXT NOT NULL,
  current_packages INTEGER,
  current_unit_cost INTEGER,
  committed_k INTEGER,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  -- 1 when the import wrote these figures into the month's lines; 0 when they were only kept beside the
  -- figures of record (the demo's published August).
  applied INTEGER NOT NULL DEFAULT 1 CHECK (applied IN (0, 1)),
  PRIMARY KEY (period, service_id, line_key)
);
