-- Offline returns (main/returns): a workbook issued to each owner of an area's rows for a period, and
-- taken back. The workspace's identity and the key that signs each return's hidden identity sheet are
-- made once, here, in a table no trigger audits: the key is never an audited value.
CREATE TABLE workspace_secret (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  workspace_id TEXT NOT NULL,
  hmac_key BLOB NOT NULL CHECK (length(hmac_key) >= 32)
);
INSERT INTO workspace_secret (id, workspace_id, hmac_key) VALUES (1, lower(hex(randomblob(16))), randomblob(32));

CREATE TABLE returns (
  id TEXT PRIMARY KEY,
  area TEXT NOT NULL,
  period TEXT NOT NULL REFERENCES periods(id),
  owner TEXT NOT NULL,
  file_name TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'returned', 'applied', 'superseded')),
  returned_at TEXT,
  returned_sha256 TEXT,
  applied_at TEXT,
  applied_by TEXT
);
CREATE INDEX returns_period ON returns (period, area, owner);

-- Each row a return carries, with the values of its owner's cells when it was issued: what was changed
-- since, in the return and in Outturn, is measured from these.
CREATE TABLE return_rows (
  return_id TEXT NOT NULL REFERENCES returns(id),
  row_key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  label TEXT NOT NULL,
  issued TEXT NOT NULL,
  PRIMARY KEY (return_id, row_key)
);

-- A change taken from a return records whose return it was (its owner) beside the officer applying it.
ALTER TABLE write_context ADD COLUMN on_behalf_of TEXT;
ALTER TABLE audit_log ADD COLUMN on_behalf_of TEXT;
