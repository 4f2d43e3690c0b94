import { DEFAULT_KAD_SETTINGS, KAD_CHECK_RULES, type KadCheckRule } from '../../../shared/areas/kad/checks';
import { DEFAULT_RUN_RATE_WEEKS } from '../../../shared/areas/kad/runrate';
import { AVERAGING_RULES } from '../../../shared/areas/kad/totals';
import { SHORTCUTS } from './shortcuts';

/** The threshold each check uses, where it has one (defaults; Settings holds the current values). */
const THRESHOLDS: Partial<Record<KadCheckRule, string>> = {
  'reported-total-mismatch': 'Package counts exact; £k within ±2; average unit costs within £1.',
  'reported-variance-mismatch': 'Within ±2 £k.',
  'spend-vs-packages': `More than ${DEFAULT_KAD_SETTINGS.spendTolerancePct}% apart (setting: spend tolerance).`,
  movement: `More than ${DEFAULT_KAD_SETTINGS.movementPct}% since last month (setting: movement threshold).`,
  'averaging-rule': 'Listed only while the published rule is chosen, where the two rules give different whole pounds.',
};

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="keys">
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 ? '+' : null}
          <kbd>{k}</kbd>
        </span>
      ))}
    </span>
  );
}

/** How Outturn works out what it shows, in plain English (issue 3, point 7: the formula is documented here). */
export function HelpPage() {
  return (
    <article className="page help" aria-labelledby="page-title">
      <h1 id="page-title">Help: Key Activity Data</h1>

      <section aria-labelledby="help-runrate">
        <h2 id="help-runrate">Run rate</h2>
        <p>Beside each line and subtotal, Outturn shows the full-year cost if this month&rsquo;s activity carried on all year:</p>
        <p className="formula">
          Run rate (£k) = current care packages × current average weekly unit cost × {DEFAULT_RUN_RATE_WEEKS} weeks ÷ 1,000
        </p>
        <p>
          {DEFAULT_RUN_RATE_WEEKS} weeks is 365 days ÷ 7, to two decimal places. For example, 10 packages at £1,000 a week give 10 × 1,000 × 52.14 ÷ 1,000 = £521.4k, shown as £521k. It is shown beside the Annual
          Budget and your own Total spend forecast, with the difference from each. It is information only: it never changes your figures. The number of weeks is a setting.
        </p>
      </section>

      <section aria-labelledby="help-averaging">
        <h2 id="help-averaging">Average unit costs of subtotals and totals</h2>
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

      <section aria-labelledby="help-dot">
        <h2 id="help-dot">Direction of travel</h2>
        <p>
          The arrows for current care packages, current unit cost and total spend compare this month with last month: ↑ higher, ↓ lower, ↔ the same. They compare the
          values as displayed, so a change too small to see at the displayed precision shows ↔. You never type an arrow.
        </p>
        <p>
          When last month is not held in Outturn (the first month of a series, such as the demo&rsquo;s August 2023), the arrows from the published report are shown in grey
          and marked as reported. From the next month on, Outturn computes them.
        </p>
      </section>

      <section aria-labelledby="help-checks">
        <h2 id="help-checks">Checks</h2>
        <p>
          Findings are not errors. Outturn computes subtotals and totals itself; the checks list the places where a reported figure or a line looks wrong, so you can look
          at them before a committee does. The Checks area shows them for the selected month; <code>outturn check</code> prints the same list.
        </p>
        <table className="help__table">
          <caption>The checks and their default thresholds</caption>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">What it finds</th>
              <th scope="col">Threshold</th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(KAD_CHECK_RULES) as KadCheckRule[]).map((rule) => (
              <tr key={rule}>
                <th scope="row">{KAD_CHECK_RULES[rule].title}</th>
                <td>{KAD_CHECK_RULES[rule].description}</td>
                <td>{THRESHOLDS[rule] ?? 'None'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="help-rollforward">
        <h2 id="help-rollforward">Rolling forward a month</h2>
        <p>
          &ldquo;Roll forward&rdquo; creates next month from the selected one. Budget columns are carried; actual figures are copied as a starting point and marked as not yet
          updated until you change them (Checks lists the lines still as carried). Earlier months stay as they are.
        </p>
      </section>

      <section aria-labelledby="help-grey">
        <h2 id="help-grey">Greyed lines</h2>
        <p>
          A line in grey is a service type the service does not use that month, as in the published report: it cannot be edited and adds nothing to the totals. Settings
          retires a type from a given month on, or brings it back. A type that still holds figures cannot be retired until they are cleared, so nothing entered is hidden.
        </p>
      </section>

      <section aria-labelledby="help-keys">
        <h2 id="help-keys">Keyboard shortcuts in the table</h2>
        <table className="help__table">
          <caption className="visually-hidden">Keyboard shortcuts</caption>
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">What they do</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.does}>
                <th scope="row">
                  {s.keys.map((k, i) => (
                    <span key={k.join('+')}>
                      {i > 0 ? ' or ' : null}
                      <Keys keys={k} />
                    </span>
                  ))}
                </th>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>On a Mac, use Cmd in place of Ctrl.</p>
      </section>
    </article>
  );
}
