-- Outturn workspace schema, version 2: months as snapshots (roll forward marks carried actuals),
-- services and their types as data, and settings and periods under the audit trail.

ALTER TABLE kad_lines ADD COLUMN actuals_updated INTEGER NOT NULL DEFAULT 1 CHECK (actuals_updated IN (0, 1));

-- When a service started and when each of its service types stopped being used, for new months.
ALTER TABLE kad_services ADD COLUMN from_period TEXT;

DROP TRIGGER kad_lines_audit_update;
DROP TRIGGER kad_lines_audit_insert;
DROP TRIGGER kad_lines_audit_delete;

CREATE TRIGGER kad_lines_audit_update AFTER UPDATE ON kad_lines
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'in_use', OLD.in_use, NEW.in_use, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.in_use IS NOT NEW.in_use;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'actuals_updated', OLD.actuals_updated, NEW.actuals_updated, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.actuals_updated IS NOT NEW.actuals_updated;
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
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'actuals_updated', NULL, NEW.actuals_updated, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE NEW.actuals_updated IS NOT NULL;
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
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'actuals_updated', OLD.actuals_updated, NULL, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.actuals_updated IS NOT NULL;
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

CREATE TRIGGER periods_ctx_insert BEFORE INSERT ON periods
WHEN NOT EXISTS (SELECT 1 FROM write_context) BEGIN SELECT RAISE(ABORT, 'outturn:no_write_context'); END;
CREATE TRIGGER settings_ctx_insert BEFORE INSERT ON settings
WHEN NOT EXISTS (SELECT 1 FROM write_context) BEGIN SELECT RAISE(ABORT, 'outturn:no_write_context'); END;
CREATE TRIGGER settings_ctx_update BEFORE UPDATE ON settings
WHEN NOT EXISTS (SELECT 1 FROM write_context) BEGIN SELECT RAISE(ABORT, 'outturn:no_write_context'); END;
CREATE TRIGGER kad_services_ctx_insert BEFORE INSERT ON kad_services
WHEN NOT EXISTS (SELECT 1 FROM write_context) BEGIN SELECT RAISE(ABORT, 'outturn:no_write_context'); END;
CREATE TRIGGER kad_services_ctx_update BEFORE UPDATE ON kad_services
WHEN NOT EXISTS (SELECT 1 FROM write_context) BEGIN SELECT RAISE(ABORT, 'outturn:no_write_context'); END;

CREATE TRIGGER periods_audit_insert AFTER INSERT ON periods
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.id, 'period', NEW.id, 'status', NULL, NEW.status, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context);
END;
CREATE TRIGGER settings_audit_insert AFTER INSERT ON settings
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NULL, 'setting', NEW.key, 'value', NULL, NEW.value, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context);
END;
CREATE TRIGGER settings_audit_update AFTER UPDATE ON settings
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NULL, 'setting', NEW.key, 'value', OLD.value, NEW.value, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context)
  WHERE OLD.value IS NOT NEW.value;
END;
CREATE TRIGGER kad_services_audit_insert AFTER INSERT ON kad_services
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT (SELECT op_id FROM write_context), (SELECT at FROM write_context), (SELECT os_user FROM write_context), (SELECT machine FROM write_context), (SELECT channel FROM write_context), NEW.from_period, 'kad_service', NEW.id, 'name', NULL, NEW.name, (SELECT file_name FROM write_context), (SELECT file_sha256 FROM write_context);
END;
