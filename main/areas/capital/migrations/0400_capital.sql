-- The capital programme (Appendix 3): the month's schemes (4.1) and funding sources (4.2). Figures are
-- hundredths of £000; the published "-" is a nil, held as 0.

CREATE TABLE capital_schemes (
  period TEXT NOT NULL REFERENCES periods(id),
  scheme_key TEXT NOT NULL,
  committee TEXT,
  name TEXT NOT NULL,
  -- The Capital Variation Budget line: its forecast variance is worked out by the rule, never typed.
  is_variation INTEGER NOT NULL DEFAULT 0 CHECK (is_variation IN (0, 1)),
  original_budget INTEGER,
  scheme_budget INTEGER,
  scheme_forecast_variance INTEGER,
  year_budget INTEGER,
  year_actuals INTEGER,
  year_forecast_variance INTEGER,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (period, scheme_key)
);

CREATE TABLE capital_funding (
  period TEXT NOT NULL REFERENCES periods(id),
  source_key TEXT NOT NULL,
  name TEXT NOT NULL,
  is_grant INTEGER NOT NULL DEFAULT 0 CHECK (is_grant IN (0, 1)),
  original_allocation INTEGER,
  revised_funding INTEGER,
  forecast_spend INTEGER,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (period, source_key)
);
