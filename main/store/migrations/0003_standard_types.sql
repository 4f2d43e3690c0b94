-- Outturn workspace schema, version 3: every workspace starts with the published KAD service types
-- (the demo used to be the only place they were written), so an empty workspace can import a pack.
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
