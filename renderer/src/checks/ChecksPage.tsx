import { useId, useMemo, useState } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import { isOpen, type Finding } from '../../../shared/checks';
import { messageOf, send } from '../api/client';
import { FindingsTable } from './FindingsTable';
import { matchesStatus, plural, refKey, type StatusFilter } from './review';
import { ReviewBar } from './ReviewBar';
import { byArea, groupFindings, ruleDescription, ruleTitle } from './rules';
import type { ChecksState } from './useChecks';

interface Props {
  period: PeriodInfo;
  checks: ChecksState;
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
  onOpen: (finding: Finding) => void;
}

const ALL = '';

/** The month's check findings of every area, by area, table then rule, with a filter on tables and rules. */
export function ChecksPage({ period, checks, lock, onOpen }: Props) {
  const [tableChoice, setTable] = useState(ALL);
  const [ruleChoice, setRule] = useState(ALL);
  const [status, setStatus] = useState<StatusFilter>('open');
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const ids = useId();
  const findings = checks.findings;
  const open = findings?.filter(isOpen).length ?? 0;
  // Ticks follow the findings: one that is gone (fixed by an edit, another month) is no longer ticked.
  const selected = useMemo(() => (findings ?? []).filter((f) => ticked.has(refKey(f))), [findings, ticked]);
  const selectedKeys = useMemo(() => new Set(selected.map(refKey)), [selected]);
  const toggle = (fs: readonly Finding[], on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      for (const f of fs) {
        if (on) next.add(refKey(f));
        else next.delete(refKey(f));
      }
      return next;
    });
  const blocked = lock ?? (period.status === 'closed' ? `${period.label} is closed: its findings cannot be reviewed until it is reopened.` : null);
  const review = (to: 'accepted' | 'acknowledged' | 'open', note: string) => {
    setBusy(true);
    setMessage(null);
    // The figures go with each finding: a review is of the figures as the officer saw them.
    const refs = selected.map(({ period: p, area, table, row, rowKey, column, columnKey, rule, reported, computed }) => ({ period: p, area, table, row, rowKey, column, columnKey, rule, reported, computed }));
    send('checks.review', { period: period.id, findings: refs, status: to, note }).then(
      () => {
        const done = { accepted: 'Accepted', acknowledged: 'Acknowledged', open: 'Reopened' }[to];
        setMessage({ text: `${done} ${plural(refs.length, 'finding')}.`, error: false });
        setTicked(new Set());
        setBusy(false);
        checks.refresh();
      },
      (err: unknown) => {
        setMessage({ text: messageOf(err), error: true });
        setBusy(false);
      },
    );
  };

  const groups = useMemo(() => groupFindings(findings ?? []), [findings]);
  const rulesPresent = useMemo(() => [...new Set(groupFindings(findings ?? []).flatMap((g) => g.rules.map((r) => r.rule)))], [findings]);
  // A choice that no longer has findings (after an edit or a change of month) falls back to "all", as the select then shows.
  const table = groups.some((g) => g.table === tableChoice) ? tableChoice : ALL;
  const rule = rulesPresent.some((r) => r === ruleChoice) ? ruleChoice : ALL;
  const shown = useMemo(
    () =>
      groupFindings((findings ?? []).filter((f) => (table === ALL || f.table === table) && (rule === ALL || f.rule === rule) && matchesStatus(f, status))),
    [findings, table, rule, status],
  );

  return (
    <section className="page checks" aria-labelledby="page-title">
      <h1 id="page-title">Checks for {period.label}</h1>
      <p className="checks__lead">
        Findings are not errors. Outturn computes subtotals itself; these are places where a reported figure or a line looks wrong, for you to look at before the report
        goes to committee. Accept the totals your own correction superseded; acknowledge a published error, or anything you have looked at, with a note. A finding
        stays open, and the export lists it, until then; a change to its figures opens it again. The thresholds are under Settings; Help explains each check.
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
        <div className="field">
          <label htmlFor={`${ids}-status`}>Show</label>
          <select id={`${ids}-status`} data-testid="checks-filter-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="open">Open findings ({open})</option>
            <option value="reviewed">Accepted or acknowledged ({(findings?.length ?? 0) - open})</option>
            <option value="all">All findings ({findings?.length ?? 0})</option>
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
            {plural(findings.length, 'finding')} for {period.label} in {plural(groups.length, 'table')}, {open} open
            {table !== ALL || rule !== ALL || status !== 'all' ? `; ${plural(shown.reduce((n, g) => n + g.count, 0), 'finding')} shown` : ''}.
          </p>
          <p role="status" className={message?.error ? 'banner banner--error' : 'checks__done'} data-testid="checks-message">
            {message?.text ?? ''}
          </p>
          <ReviewBar selected={selected} blocked={blocked} busy={busy} onReview={review} onClear={() => setTicked(new Set())} />
          {shown.length === 0 ? <p className="empty">{status === 'open' && open === 0 ? `Every finding of ${period.label} is accepted or acknowledged.` : 'No findings match the filters.'}</p> : null}
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
                        <FindingsTable findings={r.findings} labelledBy={`${ids}-s${gi} ${ids}-s${gi}-r${ri}`} onOpen={onOpen} selected={selectedKeys} onToggle={toggle} />
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
