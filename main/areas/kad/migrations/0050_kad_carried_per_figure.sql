-- "Carried forward, not yet updated" belongs to each ACTUAL/Outturn figure, not to the line: updating a
-- line's packages must leave its unit cost and spend marked while they are still last month's.
ALTER TABLE kad_lines ADD COLUMN current_packages_cf INTEGER NOT NULL DEFAULT 0 CHECK (current_packages_cf IN (0, 1));
ALTER TABLE kad_lines ADD COLUMN current_unit_cost_cf INTEGER NOT NULL DEFAULT 0 CHECK (current_unit_cost_cf IN (0, 1));
ALTER TABLE kad_lines ADD COLUMN total_spend_k_cf INTEGER NOT NULL DEFAULT 0 CHECK (total_spend_k_cf IN (0, 1));
-- A line not updated since its roll forward: every actual figure of it is still as carried.
UPDATE kad_lines SET total_spend_k_cf = 1 WHERE actuals_updated = 0 AND in_use = 1;
UPDATE kad_lines SET current_packages_cf = 1, current_unit_cost_cf = 1 WHERE actuals_updated = 0 AND in_use = 1 AND line_key <> 'care_contributions';
ALTER TABLE kad_lines DROP COLUMN actuals_updated;
