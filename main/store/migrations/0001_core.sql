-- Outturn workspace schema: the core's tables. Every trigger is generated from the table registry
-- (main/store/triggers.ts), never written here. Figures are integers in hundredths of their unit.

CREATE TABLE periods (
  id TEXT PRIMARY KEY CHECK (id GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_by TEXT,
  closed_at TEXT
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Figures a published table or an imported file states for derived cells; kept for checks, never used as truth.
CREATE TABLE reported_values (
  period TEXT NOT NULL REFERENCES periods(id),
  area TEXT NOT NULL,
  table_id TEXT NOT NULL,
  row_key TEXT NOT NULL,
  column_key TEXT NOT NULL,
  value_num INTEGER,
  value_text TEXT,
  source TEXT NOT NULL,
  PRIMARY KEY (period, area, table_id, row_key, column_key)
);

-- One row per user action (an edit, a paste, an import, an undo); audit rows point at it.
CREATE TABLE operations (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  machine TEXT NOT NULL,
  channel TEXT NOT NULL,
  label TEXT NOT NULL,
  period TEXT,
  service_id TEXT,
  undoable INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped')),
  undone_order INTEGER,
  reverts_op INTEGER REFERENCES operations(id)
);

-- Set by the store at the start of every write transaction and cleared at its end; the generated
-- triggers refuse any write to user data made without it, and copy it into each audit row.
CREATE TABLE write_context (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  op_id INTEGER NOT NULL REFERENCES operations(id),
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  machine TEXT NOT NULL,
  channel TEXT NOT NULL,
  file_name TEXT,
  file_sha256 TEXT
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  op_id INTEGER NOT NULL REFERENCES operations(id),
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  machine TEXT NOT NULL,
  channel TEXT NOT NULL,
  period TEXT,
  entity TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  field TEXT,
  old_value TEXT,
  new_value TEXT,
  file_name TEXT,
  file_sha256 TEXT
);
CREATE INDEX audit_log_op ON audit_log(op_id);
