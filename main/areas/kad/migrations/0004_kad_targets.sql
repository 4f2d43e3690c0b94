-- Operations used to name the Key Activity Data service they changed in a column of their own; the
-- core now keeps a generic target (area and page parameters) instead.
UPDATE operations SET target = json_object('area', 'kad', 'params', json_object('period', period, 'service', service_id))
WHERE service_id IS NOT NULL AND period IS NOT NULL;
UPDATE operations SET target = json_object('area', 'kad', 'params', json_object('service', service_id))
WHERE service_id IS NOT NULL AND period IS NULL;
ALTER TABLE operations DROP COLUMN service_id;
