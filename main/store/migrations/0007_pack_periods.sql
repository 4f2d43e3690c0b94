-- The pack settings that belong to a month (meeting date, report title, author): kept per period, carried
-- forward by the month's roll forward and marked carried until an officer confirms them.
CREATE TABLE pack_period_settings (
  period TEXT NOT NULL REFERENCES periods(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  carried INTEGER NOT NULL DEFAULT 0 CHECK (carried IN (0, 1)),
  PRIMARY KEY (period, key)
);

-- Workspaces that kept these workspace-wide: every month takes them as carried, to be confirmed per month.
INSERT INTO pack_period_settings (period, key, value, carried)
SELECT p.id, substr(s.key, 6), s.value, 1 FROM settings s, periods p
WHERE s.key IN ('pack.meetingDate', 'pack.reportTitle', 'pack.author') AND s.value <> '';
DELETE FROM settings WHERE key IN ('pack.meetingDate', 'pack.reportTitle', 'pack.author');
