-- The month-end workflow: a month is marked ready for review by its preparer (open, but waiting for a
-- reviewer; any edit to it returns it to open), then signed off by a reviewer, which closes it.
ALTER TABLE periods ADD COLUMN ready_by TEXT;
ALTER TABLE periods ADD COLUMN ready_at TEXT;

-- A reviewer's sign-off of a month: who prepared it, who signed it off and when, the SHA-256 of the
-- month's figures (main/core/figures.ts) and of the committee pack archived with it. Reopening the
-- month voids the sign-off; the row stays, saying who voided it, when and why.
CREATE TABLE period_signoffs (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL REFERENCES periods(id),
  prepared_by TEXT,
  prepared_at TEXT,
  signed_off_by TEXT NOT NULL,
  signed_off_at TEXT NOT NULL,
  figures_sha256 TEXT NOT NULL,
  pack_sha256 TEXT NOT NULL,
  voided_by TEXT,
  voided_at TEXT,
  void_reason TEXT
);
CREATE INDEX period_signoffs_period ON period_signoffs(period);

-- The committee pack exactly as it was when its month closed, inside the workspace, so the file the
-- committee saw survives the workspace being moved. Append-only: never changed, never deleted. Its
-- SHA-256 is in the sign-off and in the close event, both audited; op_id is the closing step.
CREATE TABLE archived_packs (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL REFERENCES periods(id),
  op_id INTEGER NOT NULL REFERENCES operations(id),
  archived_at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('signed-off', 'closed')),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX archived_packs_period ON archived_packs(period);

-- The history of one cell and the audit report of one month read the audit trail by these.
CREATE INDEX audit_log_cell ON audit_log(entity, entity_key, field);
CREATE INDEX audit_log_period ON audit_log(period);
