-- Key Activity Data: services, the service types they use, and one row per period, service and line.
-- line_key is a service type id or 'care_contributions'.

CREATE TABLE kad_services (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  caption TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  from_period TEXT
);

CREATE TABLE kad_service_types (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  grp TEXT NOT NULL CHECK (grp IN ('accommodation', 'community')),
  sort_order INTEGER NOT NULL,
  is_respite INTEGER NOT NULL DEFAULT 0 CHECK (is_respite IN (0, 1))
);

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
  actuals_updated INTEGER NOT NULL DEFAULT 1 CHECK (actuals_updated IN (0, 1)),
  PRIMARY KEY (period, service_id, line_key)
);

INSERT OR IGNORE INTO kad_service_types (id, name, grp, sort_order, is_respite) VALUES
  ('residential', 'Residential', 'accommodation', 1, 0),
  ('residential_dementia', 'Residential Dementia', 'accommodation', 2, 0),
  ('nursing', 'Nursing', 'accommodation', 3, 0),
  ('nursing_dementia', 'Nursing Dementia', 'accommodation', 4, 0),
  ('respite', 'Respite', 'accommodation', 5, 1),
  ('supported_living', 'Supported Living', 'community', 6, 0),
  ('homecare', 'Homecare', 'community', 7, 0),
  ('direct_payments', 'Direct payments', 'community', 8, 0),
  ('live_in_care', 'Live In Care', 'community', 9, 0),
  ('day_care', 'Day Care', 'community', 10, 0),
  ('other_care', 'Other Care', 'community', 11, 0);
