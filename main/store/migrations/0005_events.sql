-- Steps that change the workspace as a whole (a restore, a demo reset, closing and reopening a month)
-- are recorded here as well as in the audit trail, with what the step needs said about it: the backup
-- a restore replaced and its SHA-256, the reason a month was reopened.
CREATE TABLE workspace_events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  period TEXT,
  detail TEXT NOT NULL
);

-- The settings that shaped a month's figures, frozen with it when it closes: a closed month's totals,
-- checks and pack never move when a setting changes afterwards.
CREATE TABLE period_settings (
  period TEXT NOT NULL REFERENCES periods(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (period, key)
);
