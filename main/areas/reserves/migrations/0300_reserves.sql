-- Appendix 5, the technical note: directorates (one table of each kind per directorate), the earmarked
-- reserves register and its ledger, and the month's grants and virements.

CREATE TABLE reserves_directorates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  -- The revenue budget line whose actual the directorate's reserve movements should equal, if any.
  revenue_drawdown_line TEXT
);

CREATE TABLE reserves_register (
  id TEXT PRIMARY KEY,
  directorate_id TEXT NOT NULL REFERENCES reserves_directorates(id),
  category TEXT,
  name TEXT NOT NULL,
  description TEXT,
  sort_order INTEGER NOT NULL,
  from_period TEXT
);

-- The ledger: balances are sums of entries, never stored. period is the month an entry is recorded in
-- (closing that month freezes it); a planned entry counts in the forecast until its expected month.
CREATE TABLE reserves_entries (
  id INTEGER PRIMARY KEY,
  reserve_id TEXT NOT NULL REFERENCES reserves_register(id),
  period TEXT NOT NULL REFERENCES periods(id),
  kind TEXT NOT NULL CHECK (kind IN ('opening', 'drawdown', 'contribution', 'transfer_in', 'transfer_out', 'net')),
  amount INTEGER NOT NULL,
  planned INTEGER NOT NULL DEFAULT 0 CHECK (planned IN (0, 1)),
  expected_period TEXT,
  reference TEXT,
  note TEXT,
  deficit_reason TEXT,
  CHECK ((planned = 1) = (expected_period IS NOT NULL)),
  CHECK (kind <> 'opening' OR planned = 0)
);
CREATE INDEX reserves_entries_by_reserve ON reserves_entries (reserve_id, period);

-- One row per month and directorate the area holds: the month's per-table settings and the budget as
-- per the Business Plan its virements start from.
CREATE TABLE reserves_months (
  period TEXT NOT NULL REFERENCES periods(id),
  directorate_id TEXT NOT NULL REFERENCES reserves_directorates(id),
  no_movement_display TEXT NOT NULL DEFAULT 'zero' CHECK (no_movement_display IN ('zero', 'blank')),
  business_plan_budget INTEGER,
  PRIMARY KEY (period, directorate_id)
);

CREATE TABLE reserves_grants (
  period TEXT NOT NULL REFERENCES periods(id),
  directorate_id TEXT NOT NULL REFERENCES reserves_directorates(id),
  grant_key TEXT NOT NULL,
  name TEXT NOT NULL,
  awarding_body TEXT,
  amount INTEGER,
  capital_scheme TEXT,
  revenue_line TEXT,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (period, directorate_id, grant_key)
);

CREATE TABLE reserves_virements (
  period TEXT NOT NULL REFERENCES periods(id),
  directorate_id TEXT NOT NULL REFERENCES reserves_directorates(id),
  seq INTEGER NOT NULL,
  budget_line TEXT NOT NULL,
  effective_period TEXT NOT NULL,
  amount INTEGER NOT NULL,
  notes TEXT,
  PRIMARY KEY (period, directorate_id, seq)
);
