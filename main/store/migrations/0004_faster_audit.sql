-- Outturn workspace schema, version 4: the audit triggers read the write context with one join per
-- audit row instead of one sub-select per column, so large imports stay fast. Same rows as before.

DROP TRIGGER kad_lines_audit_update;
DROP TRIGGER kad_lines_audit_insert;
DROP TRIGGER kad_lines_audit_delete;
DROP TRIGGER periods_audit_update;
DROP TRIGGER periods_audit_insert;
DROP TRIGGER settings_audit_insert;
DROP TRIGGER settings_audit_update;
DROP TRIGGER kad_services_audit_insert;
DROP TRIGGER reported_audit_insert;

CREATE TRIGGER kad_lines_audit_update AFTER UPDATE ON kad_lines
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'in_use', OLD.in_use, NEW.in_use, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.in_use IS NOT NEW.in_use;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'actuals_updated', OLD.actuals_updated, NEW.actuals_updated, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.actuals_updated IS NOT NEW.actuals_updated;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'expected_packages', OLD.expected_packages, NEW.expected_packages, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.expected_packages IS NOT NEW.expected_packages;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'budget_unit_cost', OLD.budget_unit_cost, NEW.budget_unit_cost, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.budget_unit_cost IS NOT NEW.budget_unit_cost;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'annual_budget_k', OLD.annual_budget_k, NEW.annual_budget_k, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.annual_budget_k IS NOT NEW.annual_budget_k;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'current_packages', OLD.current_packages, NEW.current_packages, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.current_packages IS NOT NEW.current_packages;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'current_unit_cost', OLD.current_unit_cost, NEW.current_unit_cost, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.current_unit_cost IS NOT NEW.current_unit_cost;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'total_spend_k', OLD.total_spend_k, NEW.total_spend_k, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.total_spend_k IS NOT NEW.total_spend_k;
END;
CREATE TRIGGER kad_lines_audit_insert AFTER INSERT ON kad_lines
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'in_use', NULL, NEW.in_use, w.file_name, w.file_sha256 FROM write_context w
  WHERE NEW.in_use IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'actuals_updated', NULL, NEW.actuals_updated, w.file_name, w.file_sha256 FROM write_context w
  WHERE NEW.actuals_updated IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'expected_packages', NULL, NEW.expected_packages, w.file_name, w.file_sha256 FROM write_context w
  WHERE NEW.expected_packages IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'budget_unit_cost', NULL, NEW.budget_unit_cost, w.file_name, w.file_sha256 FROM write_context w
  WHERE NEW.budget_unit_cost IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'annual_budget_k', NULL, NEW.annual_budget_k, w.file_name, w.file_sha256 FROM write_context w
  WHERE NEW.annual_budget_k IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'current_packages', NULL, NEW.current_packages, w.file_name, w.file_sha256 FROM write_context w
  WHERE NEW.current_packages IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'current_unit_cost', NULL, NEW.current_unit_cost, w.file_name, w.file_sha256 FROM write_context w
  WHERE NEW.current_unit_cost IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'kad_line', NEW.period || '|' || NEW.service_id || '|' || NEW.line_key, 'total_spend_k', NULL, NEW.total_spend_k, w.file_name, w.file_sha256 FROM write_context w
  WHERE NEW.total_spend_k IS NOT NULL;
END;
CREATE TRIGGER kad_lines_audit_delete AFTER DELETE ON kad_lines
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'in_use', OLD.in_use, NULL, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.in_use IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'actuals_updated', OLD.actuals_updated, NULL, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.actuals_updated IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'expected_packages', OLD.expected_packages, NULL, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.expected_packages IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'budget_unit_cost', OLD.budget_unit_cost, NULL, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.budget_unit_cost IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'annual_budget_k', OLD.annual_budget_k, NULL, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.annual_budget_k IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'current_packages', OLD.current_packages, NULL, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.current_packages IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'current_unit_cost', OLD.current_unit_cost, NULL, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.current_unit_cost IS NOT NULL;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, OLD.period, 'kad_line', OLD.period || '|' || OLD.service_id || '|' || OLD.line_key, 'total_spend_k', OLD.total_spend_k, NULL, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.total_spend_k IS NOT NULL;
END;
CREATE TRIGGER periods_audit_update AFTER UPDATE ON periods
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.id, 'period', NEW.id, 'status', OLD.status, NEW.status, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.status IS NOT NEW.status;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.id, 'period', NEW.id, 'closed_by', OLD.closed_by, NEW.closed_by, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.closed_by IS NOT NEW.closed_by;
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.id, 'period', NEW.id, 'closed_at', OLD.closed_at, NEW.closed_at, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.closed_at IS NOT NEW.closed_at;
END;
CREATE TRIGGER periods_audit_insert AFTER INSERT ON periods
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.id, 'period', NEW.id, 'status', NULL, NEW.status, w.file_name, w.file_sha256 FROM write_context w;
END;
CREATE TRIGGER settings_audit_insert AFTER INSERT ON settings
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NULL, 'setting', NEW.key, 'value', NULL, NEW.value, w.file_name, w.file_sha256 FROM write_context w;
END;
CREATE TRIGGER settings_audit_update AFTER UPDATE ON settings
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NULL, 'setting', NEW.key, 'value', OLD.value, NEW.value, w.file_name, w.file_sha256 FROM write_context w
  WHERE OLD.value IS NOT NEW.value;
END;
CREATE TRIGGER kad_services_audit_insert AFTER INSERT ON kad_services
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.from_period, 'kad_service', NEW.id, 'name', NULL, NEW.name, w.file_name, w.file_sha256 FROM write_context w;
END;
CREATE TRIGGER reported_audit_insert AFTER INSERT ON reported_values
BEGIN
  INSERT INTO audit_log (op_id, at, os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256)
  SELECT w.op_id, w.at, w.os_user, w.machine, w.channel, NEW.period, 'reported_value', NEW.area || '|' || NEW.table_id || '|' || NEW.row_key || '|' || NEW.column_key, 'value', NULL, COALESCE(NEW.value_text, NEW.value_num), w.file_name, w.file_sha256 FROM write_context w;
END;
