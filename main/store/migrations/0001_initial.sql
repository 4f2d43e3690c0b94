-- Outturn workspace schema, version 1.
-- Money and counts are integers in hundredths of the unit their table publishes (see shared/money.ts).

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

CREATE TABLE kad_services (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  caption TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

CREATE TABLE kad_service_types (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  grp TEXT NOT NULL CHECK (grp IN ('accommodation', 'community')),
  sort_order INTEGER NOT NULL,
  is_respite INTEGER NOT NULL DEFAULT 0 CHECK (is_respite IN (0, 1))
);

-- One row per period, service and line; line_key is a service type id or 'care_contributions'.
CREATE TABLE kad_lines (
  period TEXT NOT NULL REFERENCES periods(id),
  service_id TEXT NOT NULL REFERENCES kad_services(id),
  line_key TEXT NOT NULL,
  in_use INTEGER NOT NULL DEFAULT 1 CHECK (in_use IN (0, 1)),
  expected_packages INTEGER CHECK (expected_packages IS NULL OR expected_packages >= 0),
  budget_unit_cost INTEGER,
  annual_budget_k INTEGER,
  current_packages INTEGER CHECK (current_packages IS NULL OR current_packages >= 0),
  current_unit_cost INTEGER,
  total_spend_k INTEGER,
  PRIMARY KEY (period, service_id, line_key)
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

-- Set by the store at the start of every write transaction and cleared at its end; the triggers below
-- refuse any write to financial data made without it, and copy it into each audit row.
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

-- The period guard: no write reaches a closed period, whatever path it takes.
CREATE TRIGGER kad_lines_guard_insert BEFORE INSERT ON kad_lines
WHEN (SELECT status FROM periods WHERE id = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'outturn:period_closed'); END;
CREATE TRIGGER kad_lines_guard_update BEFORE UPDATE ON kad_lines
WHEN (SELECT status FROM periods WHERE id = OLD.period) = 'closed' OR (SELECT status FROM periods WHERE id = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'outturn:period_closed'); END;
CREATE TRIGGER kad_lines_guard_delete BEFORE DELETE ON kad_lines
WHEN (SELECT status FROM periods WHERE id = OLD.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'outturn:period_closed'); END;
CREATE TRIGGER reported_guard_insert BEFORE INSERT ON reported_values
WHEN (SELECT status FROM periods WHERE id = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'outturn:period_closed'); END;
CREATE TRIGGER reported_guard_update BEFORE UPDATE ON reported_values
WHEN (SELECT status FROM periods WHERE id = OLD.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'outturn:period_closed'); END;
CREATE TRIGGER reported_guard_delete BEFORE DELETE ON reported_values
WHEN (SELECT status FROM periods WHERE id = OLD.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'outturn:period_closed'); END;

-- No unaudited write: financial tables change only inside a store transaction that set write_context.
CREATE TRIGGER kad_lines_ctx_insert BEFORE INSERT ON kad_lines
WHEN NOT EXISTS (SELECT 1 FROM write_context) BEGIN SELECT RAISE(ABORT, 'outturn:no_write_context'); END;
CREATE TRIGGER kad_lines_ctx_update BEFORE UPDATE ON kad_lines
WHEN NOT EXISTS (SELECT 1 FROM write_context) BEGIN SELECT RAISE(ABORT, 'outturn:no_write_context'); END;
CREATE TRIGGER kad_lines_ctx_delete BEFORE DELETE ON kad_lines
WHEN NOT EXISTS (SELECT 1 FROM write_context) BEGIN SELECT RAISE(ABORT, 'outturn:no_write_context'); END;
CREATE TRIGGER periods_ctx_update BEFORE UPDATE ON periods
WHEN NOT EXISTS (SELECT 1 FROM write_context) BEGIN SELECT RAISE(ABORT, 'outturn:no_write_context'); END;
CREATE TRIGGER reported_ctx_insert BEFORE INSERT ON reported_values
WHEN NOT EXISTS (SELECT 1 FROM write_context) BEGIN SELECT RAISE(ABORT, 'outturn:no_write_context'); END;

-- Audit rows are written by triggers, so no write path can forget them.
CREATE TRIGGER kad_lines_audit_update AFTER UPDATE ON kad_lines
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'in_use', OLD.in_use, NEW.in_use, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.in_use IS NOT NEW.in_use;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'expected_packages', OLD.expected_packages, NEW.expected_packages, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.expected_packages IS NOT NEW.expected_packages;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'budget_unit_cost', OLD.budget_unit_cost, NEW.budget_unit_cost, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.budget_unit_cost IS NOT NEW.budget_unit_cost;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'annual_budget_k', OLD.annual_budget_k, NEW.annual_budget_k, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.annual_budget_k IS NOT NEW.annual_budget_k;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'current_packages', OLD.current_packages, NEW.current_packages, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.current_packages IS NOT NEW.current_packages;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'current_unit_cost', OLD.current_unit_cost, NEW.current_unit_cost, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.current_unit_cost IS NOT NEW.current_unit_cost;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'total_spend_k', OLD.total_spend_k, NEW.total_spend_k, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.total_spend_k IS NOT NEW.total_spend_k;
END;
CREATE TRIGGER kad_lines_audit_insert AFTER INSERT ON kad_lines
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'in_use', NULL, NEW.in_use, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE NEW.in_use IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'expected_packages', NULL, NEW.expected_packages, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE NEW.expected_packages IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'budget_unit_cost', NULL, NEW.budget_unit_cost, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE NEW.budget_unit_cost IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'annual_budget_k', NULL, NEW.annual_budget_k, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE NEW.annual_budget_k IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'current_packages', NULL, NEW.current_packages, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE NEW.current_packages IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'current_unit_cost', NULL, NEW.current_unit_cost, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE NEW.current_unit_cost IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'total_spend_k', NULL, NEW.total_spend_k, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE NEW.total_spend_k IS NOT NULL;
END;
CREATE TRIGGER kad_lines_audit_delete AFTER DELETE ON kad_lines
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'in_use', OLD.in_use, NULL, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.in_use IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'expected_packages', OLD.expected_packages, NULL, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.expected_packages IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'budget_unit_cost', OLD.budget_unit_cost, NULL, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.budget_unit_cost IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'annual_budget_k', OLD.annual_budget_k, NULL, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.annual_budget_k IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'current_packages', OLD.current_packages, NULL, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.current_packages IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'current_unit_cost', OLD.current_unit_cost, NULL, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.current_unit_cost IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'total_spend_k', OLD.total_spend_k, NULL, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.total_spend_k IS NOT NULL;
END;
CREATE TRIGGER periods_audit_update AFTER UPDATE ON periods
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.id, 'period', NEW.id, 'status', OLD.status, NEW.status, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.status IS NOT NEW.status;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.id, 'period', NEW.id, 'closed_by', OLD.closed_by, NEW.closed_by, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.closed_by IS NOT NEW.closed_by;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.id, 'period', NEW.id, 'closed_at', OLD.closed_at, NEW.closed_at, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.closed_at IS NOT NEW.closed_at;
END;
CREATE TRIGGER reported_audit_insert AFTER INSERT ON reported_values
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'reported_value', NEW.area || '|' || NEW.table_id || '|' || NEW.row_key || '|' || NEW.column_key, 'value', NULL, COALESCE(NEW.value_text, NEW.value_num), (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context);
END;
