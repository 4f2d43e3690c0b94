import type { RevenueCheckRule } from '../../../../shared/areas/revenue/checks';

export const REVENUE_CHECK_THRESHOLDS: Partial<Record<RevenueCheckRule, string>> = {
  'reported-total-mismatch': 'Within ±2 £000.',
  'reported-totals-inconsistent': 'Within ±2 £000.',
  'net-identity': 'Within ±2 £000.',
  'reported-percentage-mismatch': 'Within ±1 percentage point; a percentage on a zero base is blank.',
  'cross-table-mismatch': 'Within ±2 £000.',
  'needs-commentary': 'Variance greater than 2% of the budget (net by default, gross as a setting) or £100k, whichever is greater, per service area.',
};

/** How revenue monitoring works out its figures, in plain English. */
export function RevenueHelp() {
  return (
    <>
      <section aria-labelledby="help-revenue-totals">
        <h3 id="help-revenue-totals">Budget lines and totals</h3>
        <p>
          You enter each line&rsquo;s gross budget, income budget (as a negative figure), actual to date and forecast outturn variance. Net budget is gross plus income. Heading totals (a heading closed by its
          Total row), the directorate total, the mitigations or funding total and the overall total are added up from the lines as you type: they are never typed.
        </p>
        <p>
          The previous month&rsquo;s variance is taken from the latest earlier monthly report of the same financial year held in the workspace. There is no April report, so May shows it blank. Where the
          previous month is not held, the published figure is shown in italics, marked as reported.
        </p>
      </section>
      <section aria-labelledby="help-revenue-commentary">
        <h3 id="help-revenue-commentary">When a commentary is needed</h3>
        <p>
          A service area (a heading closed by its Total row, or a line not inside one) needs a commentary in Appendix 2 when its variance is greater than 2% of its budget or £100,000, whichever is greater.
          Exactly 2% or exactly £100,000 does not need one. A commentary on a line inside the area covers the area. Rolling forward carries last month&rsquo;s text as a draft.
        </p>
      </section>
    </>
  );
}
