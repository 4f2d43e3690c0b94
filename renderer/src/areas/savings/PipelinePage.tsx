import { useMemo, useState, type FormEvent } from 'react';
import { amountOfText, parseSavingsByYear, pipelineYears, type Proposal } from '../../../../shared/areas/savings/pipeline';
import { financialYearOf } from '../../../../shared/periods';
import { messageOf, send } from '../../api/client';
import { useLoaded } from '../../api/useLoaded';
import { SheetGrid } from '../../grid/SheetGrid';
import type { SheetActions } from '../../grid/useSheetEditing';
import type { AreaPageProps } from '../types';
import { PIPELINE_BANDS, pipelineColumns, pipelineFoot, pipelineRows, savingsText, yearsToAgree } from './pipelineRows';

interface Directorate {
  id: string;
  name: string;
}

const EMPTY = { directorateId: '', bpRef: '', title: '', officer: '', savings: '', fullYearEffect: '' };

/** "2023-24" → "2024-25". */
function yearAfter(fy: string): string {
  const start = Number(fy.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The year after the toolbar month's: the Business Plan being prepared. */
const nextYear = (period: string) => yearAfter(financialYearOf(period));

/**
 * The savings pipeline: proposals for the coming Business Plan as the business cases summarise them,
 * recorded one at a time, and the plan agreed for a year, which makes each of that year's proposals a
 * line of its tracker in one undoable step.
 */
export function PipelinePage({ period, reloadKey, workspaceLock, invalid, styleNonce, onSaved, onRefused }: AreaPageProps) {
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [directorates, setDirectorates] = useState<Directorate[]>([]);
  const [error, setError] = useState('');
  const [form, setForm] = useState(EMPTY);
  const [formError, setFormError] = useState('');
  const [message, setMessage] = useState('');
  const [agreeYear, setAgreeYear] = useState('');
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  useLoaded(
    () => Promise.all([send('savings.proposals', {}), send('savings.tracker', { period: period.id })]),
    ([list, tracker]) => {
      setProposals(list);
      setDirectorates(tracker.groups.map((g) => g.directorate));
      setError('');
    },
    setError,
    `${period.id}|${reloadKey}`,
  );

  const name = (id: string) => directorates.find((d) => d.id === id)?.name ?? id;
  const rows = useMemo(() => pipelineRows(proposals ?? [], name), [proposals, directorates]);
  const columns = useMemo(() => pipelineColumns(pipelineYears(proposals ?? [])), [proposals]);
  const foot = useMemo(() => pipelineFoot(proposals ?? []), [proposals]);
  const years = yearsToAgree(proposals ?? []);
  const year = years.includes(agreeYear) ? agreeYear : (years[0] ?? '');
  const actions = useMemo<SheetActions>(() => ({ onCells: () => undefined, onRefused, onAnnounce: setAnnouncement }), [onRefused]);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const record = async (e: FormEvent) => {
    e.preventDefault();
    const directorateId = form.directorateId || directorates[0]?.id || '';
    const savings = parseSavingsByYear(form.savings, nextYear(period.id));
    if (!savings.ok) return setFormError(`Savings by year: ${form.savings.trim() ? `"${form.savings.trim()}" ` : ''}${savings.reason}.`);
    const fye = form.fullYearEffect.trim() ? amountOfText(form.fullYearEffect) : null;
    if (form.fullYearEffect.trim() && fye === null) return setFormError(`Full-year effect: "${form.fullYearEffect.trim()}" is not an amount of money (write it "-£400k" or "-400").`);
    setBusy(true);
    try {
      const list = await send('savings.propose', { directorateId, bpRef: form.bpRef, title: form.title, responsibleOfficer: form.officer.trim() || null, savings: savings.value, fullYearEffect: fye });
      setProposals(list);
      setMessage(`Recorded the proposal ${form.bpRef.trim()} ${form.title.trim()} (${savingsText({ savings: savings.value })}).`);
      setForm({ ...EMPTY, directorateId });
      setFormError('');
      onSaved();
    } catch (err) {
      setFormError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const agree = async () => {
    if (!year) return;
    setBusy(true);
    try {
      const before = new Set((proposals ?? []).filter((p) => p.status === 'agreed').map((p) => p.id));
      const r = await send('savings.agreePlan', { period: period.id, financialYear: year });
      setProposals(r.proposals);
      const added = r.proposals.filter((p) => p.status === 'agreed' && !before.has(p.id));
      setMessage(r.added ? `Agreed the ${year.replace('-', '/')} Business Plan: ${r.added} proposed saving${r.added === 1 ? '' : 's'} added to its tracker (${added.map((p) => `${p.bpRef} ${p.title}`).join('; ')}). Undo takes them out again.` : `Nothing to agree for ${year.replace('-', '/')}: every proposal saving in it is agreed already.`);
      setError('');
      onSaved();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const locked = workspaceLock !== null;
  return (
    <section className="page savings-pipeline" aria-labelledby="page-title">
      <h1 id="page-title">Savings pipeline</h1>
      <p>Proposals for the coming Business Plan, as the business cases summarise them. When the plan for a year is agreed, each of its proposals becomes a line of that year&rsquo;s savings tracker.</p>
      <p className="form-alert" role="alert" data-testid="pipeline-error">
        {error}
      </p>
      <p role="status" data-testid="pipeline-message">
        {message}
      </p>
      {proposals && proposals.length ? (
        <SheetGrid
          columns={columns}
          bands={PIPELINE_BANDS}
          body={rows}
          foot={foot}
          lockedReason="Proposals are recorded with the form below; an agreed one is edited as a line of its tracker"
          invalid={invalid}
          styleNonce={styleNonce}
          actions={actions}
        />
      ) : (
        <p data-testid="pipeline-empty">{proposals ? 'No proposals are recorded yet.' : 'Loading the proposals…'}</p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      <section aria-labelledby="pipeline-record-title" className="savings-pipeline__section">
        <h2 id="pipeline-record-title">Record a proposal</h2>
        <form onSubmit={(e) => void record(e)} data-testid="pipeline-form" className="savings-pipeline__form">
          <div className="field">
            <label htmlFor="pipeline-directorate">Directorate</label>
            <select id="pipeline-directorate" data-testid="pipeline-directorate" value={form.directorateId || directorates[0]?.id || ''} onChange={set('directorateId')}>
              {directorates.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pipeline-bpref">BP Ref</label>
            <input id="pipeline-bpref" data-testid="pipeline-bpref" required value={form.bpRef} onChange={set('bpRef')} />
          </div>
          <div className="field">
            <label htmlFor="pipeline-title">Title</label>
            <input id="pipeline-title" data-testid="pipeline-title" required value={form.title} onChange={set('title')} />
          </div>
          <div className="field">
            <label htmlFor="pipeline-officer">Responsible officer</label>
            <input id="pipeline-officer" data-testid="pipeline-officer" value={form.officer} onChange={set('officer')} />
          </div>
          <div className="field">
            <label htmlFor="pipeline-savings">Savings by year</label>
            <input id="pipeline-savings" data-testid="pipeline-savings" required aria-describedby="pipeline-savings-hint" value={form.savings} onChange={set('savings')} />
            <p id="pipeline-savings-hint" className="hint">
              As the business case writes them, for example &ldquo;{nextYear(period.id)} -£400k / {yearAfter(nextYear(period.id))} -£200k&rdquo;; one amount alone is for {nextYear(period.id)}. Savings are negative.
            </p>
          </div>
          <div className="field">
            <label htmlFor="pipeline-fye">Full-year effect</label>
            <input id="pipeline-fye" data-testid="pipeline-fye" aria-describedby="pipeline-fye-hint" value={form.fullYearEffect} onChange={set('fullYearEffect')} />
            <p id="pipeline-fye-hint" className="hint">
              For example &ldquo;-£600k&rdquo;; leave it blank when the business case gives none.
            </p>
          </div>
          <p className="form-alert" role="alert" data-testid="pipeline-form-error">
            {formError}
          </p>
          <button type="submit" className="button button--primary" data-testid="pipeline-record" disabled={busy || locked} title={workspaceLock ?? undefined}>
            Record the proposal
          </button>
        </form>
      </section>

      <section aria-labelledby="pipeline-agree-title" className="savings-pipeline__section">
        <h2 id="pipeline-agree-title">Agree a Business Plan</h2>
        {years.length ? (
          <div className="savings-pipeline__form">
            <div className="field">
              <label htmlFor="pipeline-year">Financial year agreed</label>
              <select id="pipeline-year" data-testid="pipeline-year" value={year} onChange={(e) => setAgreeYear(e.target.value)}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y.replace('-', '/')}
                  </option>
                ))}
              </select>
            </div>
            <p>
              Each proposal saving something in {year.replace('-', '/')} becomes a line of its tracker: that year&rsquo;s saving as the original saving, no forecast yet, the responsible officer as its owner. One step, undone with Undo.
            </p>
            <button type="button" className="button button--primary" data-testid="pipeline-agree" disabled={busy || locked} title={workspaceLock ?? undefined} onClick={() => void agree()}>
              Agree the {year.replace('-', '/')} plan
            </button>
          </div>
        ) : (
          <p data-testid="pipeline-nothing-to-agree">Every proposal is agreed: record new ones above.</p>
        )}
      </section>
    </section>
  );
}
