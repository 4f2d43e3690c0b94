import { MONEY_TOLERANCE } from '../../../../../shared/areas/reserves/tolerance';
import type { ReservesCheckRule } from '../../../../../shared/areas/reserves/checks';

const WITHIN = `Within ±${MONEY_TOLERANCE} £'000 (figures built from rounded cells).`;

/** The threshold each Appendix 5 check uses. */
export const RESERVES_CHECK_THRESHOLDS: Partial<Record<ReservesCheckRule, string>> = {
  'reported-total-mismatch': WITHIN,
  'reported-budget-mismatch': WITHIN,
  'virements-reconcile': WITHIN,
  'reserves-vs-revenue-drawdown': WITHIN,
  'grant-vs-capital': WITHIN,
  'grants-vs-capital-funding': WITHIN,
  'grant-vs-revenue': WITHIN,
  'reserve-below-zero': 'Any balance below zero.',
};

/** How Outturn keeps the earmarked reserves, grants and virements, in plain English. */
export function ReservesHelp() {
  return (
    <>
      <section aria-labelledby="help-reserves-ledger">
        <h3 id="help-reserves-ledger">Earmarked reserves: a ledger, never a typed balance</h3>
        <p>
          Each reserve&rsquo;s figures are worked out from its ledger: every drawdown, contribution or transfer is recorded as an entry in the month it happens, with a reference and a note. Nothing
          is ever typed over a balance.
        </p>
        <dl className="help__list">
          <dt>Opening Balance</dt>
          <dd>Last year&rsquo;s closing balance, brought forward by the year-end rollover. In the first year it is entered when the reserve is added.</dd>
          <dt>Net Movements to the month</dt>
          <dd>The sum of the reserve&rsquo;s entries from April to the month. Whether a reserve with no movement prints 0 or a blank is a setting of each schedule (5.3.1 prints 0, 5.3.2 a blank).</dd>
          <dt>Forecast Year End Balance</dt>
          <dd>Opening balance + movements to date + the planned movements still expected later in the year (record them as planned, with the month they are expected in).</dd>
        </dl>
        <p>(+) positive figures represent surplus funds; (-) negative figures represent deficit funds.</p>
        <p>
          A drawdown that would take a reserve&rsquo;s balance, or its forecast year-end balance, below zero is refused and says why. If the deficit is real, confirm it as a deficit and give
          the reason: the reason is kept in the audit trail and the reserve is listed under Checks.
        </p>
        <p>
          A schedule imported from a workbook states each reserve&rsquo;s movements from April to the month. Outturn records the difference from what its ledger already holds as that month&rsquo;s
          entry, and the rest of the year&rsquo;s forecast as a planned entry, so importing the same schedule twice changes nothing.
        </p>
      </section>
      <section aria-labelledby="help-reserves-year-end">
        <h3 id="help-reserves-year-end">The year-end rollover</h3>
        <p>
          <code>outturn year-end workspace.db --from 2023-24</code> creates the next financial year: every reserve opens at its closing balance (opening + every actual movement of the year;
          planned movements that never happened lapse). Grants and virements start the new year empty, and the budget as per the Business Plan waits for the new Business Plan.
          <code> --dry-run</code> says what it would do first.
        </p>
      </section>
    </>
  );
}
