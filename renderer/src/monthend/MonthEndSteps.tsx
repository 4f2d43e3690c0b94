import { useState } from 'react';
import type { CloseResult, MonthEndState } from '../../../shared/monthend';
import { monthLabel } from '../../../shared/periods';
import { sharedArea } from '../../../shared/areas';
import { messageOf, send } from '../api/client';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { ReasonDialog } from '../app/ReasonDialog';
import { shortSha } from './words';

interface Props {
  state: MonthEndState;
  lock: string | null;
  /** A step was taken: the page reloads and the shell shows the message. */
  onDone: (message: string) => void;
}

type Step = 'ready' | 'signOff' | 'close' | 'reopen';

/** What a close did, in a sentence or two, for the status line. */
function closeSummary(what: string, r: CloseResult): string {
  const parts = [`${what}. Its committee pack is archived in the workspace (SHA-256 ${shortSha(r.packSha256)}).`];
  const rolled = r.next?.rolledForward.map((id) => sharedArea(id)?.name ?? id) ?? [];
  if (r.next && rolled.length) parts.push(`${monthLabel(r.next.period)} was rolled forward from it (${rolled.join(', ')}).`);
  if (r.next?.refreshed.length) parts.push(`${monthLabel(r.next.period)} was refreshed from it.`);
  parts.push(r.backup ? 'A month-end backup was taken and will be kept.' : (r.backupProblem ?? ''));
  return parts.filter(Boolean).join(' ');
}

/** Mark ready, sign off, close without sign-off and reopen: each available or, in plain words, why not. */
export function MonthEndSteps({ state, lock, onDone }: Props) {
  const [asking, setAsking] = useState<Step | null>(null);
  const [busy, setBusy] = useState<Step | null>(null);
  const [error, setError] = useState('');
  const { refusals, label, period } = state;

  const run = async (step: Step, reason?: string) => {
    setAsking(null);
    setBusy(step);
    setError('');
    try {
      if (step === 'ready') onDone(`${(await send('periods.markReady', { period })).label}.`);
      else if (step === 'signOff') onDone(closeSummary(`${label} is signed off and closed`, await send('periods.signOff', { period })));
      else if (step === 'close') onDone(closeSummary(`${label} is closed without sign-off`, await send('periods.close', { period })));
      else onDone(`${(await send('periods.reopen', { period, reason: reason ?? '' })).label}.`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  const step = (id: Step, text: string, why: string | null, ready: string, primary = false) => {
    const blocked = lock ?? why;
    return (
      <div className="monthend__step" data-testid={`monthend-step-${id}`}>
        <button
          type="button"
          className={`button${primary && !blocked ? ' button--primary' : ''}`}
          data-testid={`monthend-${id}`}
          disabled={busy !== null || blocked !== null}
          aria-describedby={`monthend-why-${id}`}
          onClick={() => (id === 'ready' ? void run('ready') : setAsking(id))}
        >
          {busy === id ? `${text}…` : text}
        </button>
        <p id={`monthend-why-${id}`} className="hint monthend__why" data-testid={`monthend-why-${id}`}>
          {blocked ?? ready}
        </p>
      </div>
    );
  };

  return (
    <section className="settings__section" aria-labelledby="monthend-steps-title">
      <h2 id="monthend-steps-title">Steps</h2>
      {step('ready', 'Mark ready for review', refusals.markReady, `Every finding is resolved or acknowledged. Marking ${label} ready asks a reviewer to sign it off; any change to it afterwards returns it to open.`, state.status === 'open')}
      {step('signOff', 'Sign off', refusals.signOff, `You (${state.user}) can sign off ${label}. Signing off records who and when and a fingerprint of its figures, and closes the month.`, state.status === 'ready')}
      {step('close', 'Close without sign-off', refusals.close, `Closes ${label} on your word alone: its committee pack and backup are kept as for a sign-off, and the pack says “closed without sign-off”.`)}
      {step('reopen', 'Reopen…', refusals.reopen, `Reopen ${label} to correct it, giving a reason.${state.signOff ? ' The sign-off becomes void.' : ''}`)}
      {busy === 'signOff' || busy === 'close' ? (
        <p className="loading" role="status">
          Preparing and archiving the committee pack for {label}…
        </p>
      ) : null}
      <p className="form-alert" role="alert" data-testid="monthend-alert">
        {error}
      </p>
      <ConfirmDialog
        open={asking === 'signOff' || asking === 'close'}
        title={asking === 'signOff' ? `Sign off ${label}?` : `Close ${label} without sign-off?`}
        confirmLabel={asking === 'signOff' ? 'Sign off and close' : 'Close without sign-off'}
        testId="monthend-confirm"
        confirmTestId="monthend-confirm-button"
        onConfirm={() => asking && void run(asking)}
        onClose={() => setAsking(null)}
      >
        <p>
          {asking === 'signOff'
            ? `You are signing off ${label} as prepared by ${state.readyBy ?? 'its preparer'}. It closes: nothing in it can change until it is reopened with a reason.`
            : `${label} closes without a reviewer’s sign-off, and its committee pack says so. Nothing in it can change until it is reopened with a reason.`}
        </p>
        <p>Outturn then archives the committee pack in the workspace, prepares next month from this one, and takes a backup that is kept for good.</p>
      </ConfirmDialog>
      <ReasonDialog
        open={asking === 'reopen'}
        title={`Reopen ${label}?`}
        label={`Why is ${label} being reopened?`}
        confirmLabel="Reopen"
        tone="danger"
        testId="monthend-reopen-dialog"
        onClose={() => setAsking(null)}
        onConfirm={(reason) => void run('reopen', reason)}
      >
        <p>{state.signOff ? `The sign-off by ${state.signOff.signedOffBy} becomes void; the record keeps it, marked void, with your reason.` : 'Your reason is recorded in the audit trail.'}</p>
      </ReasonDialog>
    </section>
  );
}
