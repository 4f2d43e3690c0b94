import type { CAPITAL_CHECK_RULES } from '../../../../shared/areas/capital/checks';

const WITHIN = 'Within ±2 £000 (figures built from rounded cells).';

/** The threshold each capital check uses. */
export const CAPITAL_CHECK_THRESHOLDS: Partial<Record<keyof typeof CAPITAL_CHECK_RULES, string>> = {
  'reported-total-mismatch': WITHIN,
  'reported-variance-mismatch': WITHIN,
  'funding-vs-expenditure': WITHIN,
  'significant-variance': 'Over £250k by default (a setting).',
  'capital-variation-exceeded': 'Slippage larger than the Capital Variation Budget.',
};

/** How Outturn keeps the capital programme, in plain English. */
export function CapitalHelp() {
  return (
    <section aria-labelledby="help-capital">
      <h3 id="help-capital">Appendix 3: the capital programme</h3>
      <p>
        4.1 lists each scheme: its original budget as per the Business Plan, the whole-life scheme budget and its forecast variance, and the year&rsquo;s budget, actuals and forecast variance.
        4.2 lists the funding sources; each variance is forecast spend minus revised funding, worked out by Outturn. The TOTAL rows are worked out, never typed.
      </p>
      <p>
        The Capital variations line is the Capital Variation Budget: it takes up slippage and underspend, so no forecast outturn is reported until the slippage exceeds it. Its forecast
        variance is worked out by that rule. A scheme variance over £250k is flagged under Checks as needing narrative.
      </p>
    </section>
  );
}
