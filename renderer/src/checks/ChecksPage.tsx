import { useId, useMemo, useState } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import type { Finding } from '../../../shared/checks';
import { FindingsTable } from './FindingsTable';
import { byArea, groupFindings, ruleDescription, ruleTitle } from './rules';
import type { ChecksState } from './useChecks';

interface Props {
  period: PeriodInfo;
  checks: ChecksState;
  onOpen: (finding: Finding) => void;
}

const ALL = '';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The month's check findings of every area, by area, table then rule, with a filter on tables and rules. */
export function ChecksPage({ period, checks, onOpen }: Props) {
  const [tableChoice, setTable] = useState(ALL);
  const [ruleChoice, setRule] = useState(ALL);
  const ids = useId();
  const findings = checks.findings;

  const groups = useMemo(() => groupFindings(findings ?? []), [findings]);
  const rulesPresent = useMemo(() => [...new Set(groupFindings(findings ?? []).flatMap((g) => g.rules.map((r) => r.rule)))], [findings]);
  // A choice that no longer has findings (after an edit or a change of month) falls back to "all", as the select then shows.
  const table = groups.some((g) => g.table === tableChoice) ? tableChoice : ALL;
  const rule = rulesPresent.some((r) => r === ruleChoice) ? ruleChoice : ALL;
  const shown = useMemo(
    () =>
      groupFindings((findings ?? []).filter((f) => (table === ALL || f.table === table) && (rule === ALL || f.rule === rule))),
    [findings, table, rule],
  );

  return (
    <section className="page checks" aria-labelledby="page-title">
      <h1 id="page-title">Checks for {period.label}</h1>
      <p className="checks__lead">
        Findings are not errors. Outturn computes subtotals itself; these are places where a reported figure or a line looks wrong, for you to look at before the report
        goes to committee. The thresholds are under Settings; Help explains each check.
      </p>
      <div className="checks__bar">
        <div className="field">
          <label htmlFor={`${ids}-table`}>Table</label>
          <select id={`${ids}-table`} data-testid="checks-filter-table" value={table} onChange={(e) => setTable(e.target.value)}>
            <option value={ALL}>All tables</option>
            {groups.map((g) => (
              <option key={g.table} value={g.table}>
                {g.table} ({g.count})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-rule`}>Check</label>
          <select id={`${ids}-rule`} data-testid="checks-filter-rule" value={rule} onChange={(e) => setRule(e.target.value)}>
            <option value={ALL}>All checks</option>
            {rulesPresent.map((r) => (
              <option key={r} value={r}>
                {ruleTitle(r)} ({findings?.filter((f) => f.rule === r).length})
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button" data-testid="checks-refresh" onClick={checks.refresh}>
          Check again
        </button>
      </div>
      {checks.error ? (
        <p className="banner banner--error">{checks.error}</p>
      ) : !period.areas.length ? (
        <p className="empty">No figures for {period.label} yet, so there is nothing to check.</p>
      ) : !findings ? (
        <p className="loading">Checking {period.label}…</p>
      ) : findings.length === 0 ? (
        <p className="empty" data-testid="checks-none">
          No findings for {period.label}.
        </p>
      ) : (
        <>
          <p className="checks__summary" data-testid="checks-summary">
            {plural(findings.length, 'finding')} for {period.label} in {plural(groups.length, 'table')}
            {table !== ALL || rule !== ALL ? `; ${plural(shown.reduce((n, g) => n + g.count, 0), 'finding')} match the filters` : ''}.
          </p>
          {shown.length === 0 ? <p className="empty">No findings match the filters.</p> : null}
          {byArea(shown).map(({ area, name, groups: tables }) => (
            <section key={area} className="checks__area" aria-labelledby={`${ids}-a-${area}`} data-testid="checks-area" data-area={area}>
              <h2 id={`${ids}-a-${area}`}>{name}</h2>
              {tables.map((g) => {
                const gi = shown.indexOf(g);
                return (
                  <section key={`${g.area}|${g.table}`} className="checks__table" aria-labelledby={`${ids}-s${gi}`} data-testid="checks-table" data-area={g.area} data-table={g.table}>
                    <h3 id={`${ids}-s${gi}`}>
                      {g.table} <span className="checks__count">({plural(g.count, 'finding')})</span>
                    </h3>
                    {g.rules.map((r, ri) => (
                      <div key={r.rule} className="checks__rule">
                        <h4 id={`${ids}-s${gi}-r${ri}`}>{ruleTitle(r.rule)}</h4>
                        <p className="checks__rule-text">{ruleDescription(r.rule)}</p>
                        <FindingsTable findings={r.findings} labelledBy={`${ids}-s${gi} ${ids}-s${gi}-r${ri}`} onOpen={onOpen} />
                      </div>
                    ))}
                  </section>
                );
              })}
            </section>
          ))}
        </>
      )}
    </section>
  );
}
