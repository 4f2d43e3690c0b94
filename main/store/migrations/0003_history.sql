-- Audit rows say whether they record an insert, an update or a delete, so any change can be undone;
-- an operation names the page it changed (its target) for the app to show after an undo; a write
-- context can say its statement audits itself (a set-based import writes its own audit rows).
ALTER TABLE audit_log ADD COLUMN action TEXT CHECK (action IS NULL OR action IN ('insert', 'update', 'delete'));
ALTER TABLE operations ADD COLUMN target TEXT;
ALTER TABLE write_context ADD COLUMN self_audit INTEGER NOT NULL DEFAULT 0 CHECK (self_audit IN (0, 1));
CREATE INDEX operations_reverts ON operations(reverts_op);
