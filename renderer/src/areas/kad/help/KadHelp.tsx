import { DEFAULT_KAD_SETTINGS, type KadCheckRule } from '../../../../../shared/areas/kad/checks';
import { DEFAULT_RUN_RATE_WEEKS } from '../../../../../shared/areas/kad/runrate';
import { AVERAGING_RULES } from '../../../../../shared/areas/kad/totals';

/** The threshold each check uses, where it has one (defaults; Settings holds the current values). */
export const KAD_CHECK_THRESHOLDS: Partial<Record<KadCheckRule, string>> = {
  'reported-total-mismatch': 'Package counts exact; £k within ±2; average unit costs within £1.',
  'reported-variance-mismatch': 'Within ±2 £k.',
  'spend-vs-packages': `More than ${DEFAULT_KAD_SETTINGS.spendTolerancePct}% apart (setting: spend tolerance).`,
  movement: `More than ${DEFAULT_KAD_SETTINGS.movementPct}% since last month (setting: movement threshold).`,
  'averaging-rule': 'Listed only while the published rule is chosen, where the two rules give different whole pounds.',
};

/** How Outturn works out what the Key Activity Data tables show, in plain English (the run-rate formula is documented here). */
export function KadHelp() {
  return (
    <>
      <section aria-labelledby="help-kad-runrate">
        <h3 id="help-kad-runrate">Run rate</h3>
        <p>Beside each line and subtotal, Outturn shows the full-year cost if this month&rsquo;s activity carried on all year:</p>
        <p className="formula">
          Run rate (£k) = current care packages × current average weekly unit cost × {DEFAULT_RUN_RATE_WEEKS} weeks ÷ 1,000
        </p>
        <p>
          {DEFAULT_RUN_RATE_WEEKS} weeks is 365 days ÷ 7, to two decimal places. For example, 10 packages at £1,000 a week give 10 × 1,000 × 52.14 ÷ 1,000 = £521.4k, shown as £521k. It is shown beside the Annual
          Budget and your own Total spend forecast, with the difference from each. It is information only: it never changes your figures. The number of weeks is a setting.
        </p>
      </section>

      <section aria-labelledby="help-kad-averaging">
        <h3 id="help-kad-averaging">Average unit costs of subtotals and totals</h3>
        <p>Outturn works out each subtotal&rsquo;s average weekly unit cost from its lines. Settings offers two rules:</p>
        <dl className="help__list">
          <dt>{AVERAGING_RULES.published} (the default)</dt>
          <dd>
            Σ(packages × unit cost) over every line except Respite, divided by Σ packages over every line including Respite. This is how the published Finance Monitoring
            Report works out its averages, so the default reproduces the published tables.
          </dd>
          <dt>{AVERAGING_RULES.package_weighted}</dt>
          <dd>Σ(packages × unit cost) ÷ Σ packages over every line, each package at its own cost.</dd>
        </dl>
        <p>While the published rule is chosen, Checks shows what the plain package-weighted average would be wherever the two differ.</p>
      </section>

      <section aria-labelledby="help-kad-dot">
        <h3 id="help-kad-dot">Direction of travel</h3>
        <p>
          The arrows for current care packages, current unit cost and total spend compare this month with last month: ↑ higher, ↓ lower, ↔ the same. They compare the
          values as displayed, so a change too small to see at the displayed precision shows ↔. You never type an arrow.
        </p>
        <p>
          When last month is not held in Outturn (the first month of a series, such as the demo&rsquo;s August 2023), the arrows from the published report are shown in grey
          and marked as reported. From the next month on, Outturn computes them.
        </p>
      </section>

      <section aria-labelledby="help-kad-carried">
        <h3 id="help-kad-carried">Figures carried forward</h3>
        <p>
          When a month is rolled forward, budget columns are carried; actual figures are copied as a starting point and shown in italics marked c/f until you change them
          (Checks lists the lines still as carried).
        </p>
      </section>

      <section aria-labelledby="help-kad-grey">
        <h3 id="help-kad-grey">Greyed lines</h3>
        <p>
          A line in grey is a service type the service does not use that month, as in the published report: it cannot be edited and adds nothing to the totals. Settings
          retires a type from a given month on, or brings it back. A type that still holds figures cannot be retired until they are cleared, so nothing entered is hidden.
        </p>
      </section>
    </>
  );
}
