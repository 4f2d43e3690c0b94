import type { MonthEndState } from '../../../shared/monthend';
import { send } from '../api/client';
import { useFileSave } from '../app/useFileSave';
import { formatBytes, formatWhen } from '../import/format';
import { shortSha } from './words';

interface Props {
  state: MonthEndState;
}

/** Who did what when, the sign-offs (void ones too), the packs archived at each close, and the audit report. */
export function MonthEndRecords({ state }: Props) {
  const { busy, saved, error, save: download } = useFileSave();

  return (
    <>
      <section className="settings__section" aria-labelledby="monthend-history-title">
        <h2 id="monthend-history-title">Who did what, when</h2>
        {state.history.length === 0 ? (
          <p className="empty">Nothing yet: {state.label} has not been marked ready, signed off or closed.</p>
        ) : (
          <table className="findings monthend__history" data-testid="monthend-history">
            <caption className="visually-hidden">Month-end steps of {state.label}, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {state.history.map((h, i) => (
                <tr key={i}>
                  <td>{formatWhen(h.at)}</td>
                  <td>{h.by ?? 'unknown'}</td>
                  <td>{h.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {state.signOffs.length ? (
          <table className="findings monthend__signoffs" data-testid="monthend-signoffs">
            <caption>Sign-offs of {state.label}</caption>
            <thead>
              <tr>
                <th scope="col">Signed off by</th>
                <th scope="col">Prepared by</th>
                <th scope="col">Figures SHA-256</th>
                <th scope="col">Committee pack SHA-256</th>
                <th scope="col">Now</th>
              </tr>
            </thead>
            <tbody>
              {state.signOffs.map((s) => (
                <tr key={s.id} data-testid="monthend-signoff" data-void={s.voidedAt !== null}>
                  <td>
                    {s.signedOffBy} on {formatWhen(s.signedOffAt)}
                  </td>
                  <td>{s.preparedBy ?? '—'}</td>
                  <td>
                    <code title={s.figuresSha256}>{shortSha(s.figuresSha256)}</code>
                  </td>
                  <td>
                    <code title={s.packSha256}>{shortSha(s.packSha256)}</code>
                  </td>
                  <td>{s.voidedAt ? `Void: reopened by ${s.voidedBy} on ${formatWhen(s.voidedAt)} (“${s.voidReason}”)` : 'In force'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section className="settings__section" aria-labelledby="monthend-files-title">
        <h2 id="monthend-files-title">For the committee and the auditors</h2>
        <p className="hint">
          Closing a month keeps its committee pack inside the workspace exactly as it was, so the file the committee saw can always be found again and proved unchanged by its
          SHA-256 fingerprint.
        </p>
        {state.archivedPacks.length === 0 ? (
          <p className="empty" data-testid="monthend-no-archive">
            No committee pack archived for {state.label} yet: it is archived when the month closes.
          </p>
        ) : (
          <ul className="monthend__archive" data-testid="monthend-archive">
            {state.archivedPacks.map((p) => (
              <li key={p.id}>
                <button type="button" className="button" data-testid="monthend-archived-pack" disabled={busy} onClick={() => void download(() => send('periods.archivedPack', { period: state.period, id: p.id }))}>
                  Download the committee pack archived {formatWhen(p.archivedAt)}
                </button>{' '}
                <span className="hint">
                  {p.kind === 'signed-off' ? 'when it was signed off' : 'when it was closed without sign-off'}; {formatBytes(p.bytes)}, SHA-256 <code title={p.sha256}>{shortSha(p.sha256)}</code>
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <button type="button" className="button" data-testid="monthend-audit-report" disabled={busy} onClick={() => void download(() => send('audit.report', { period: state.period }))}>
            Download the audit report for {state.label} (Excel)
          </button>
        </p>
        <p className="hint">Every recorded change of the month, one row each: when, who, on which computer, how, which cell, from what to what, and the file for an import.</p>
        <p className="form-alert" role="alert" data-testid="monthend-files-alert">
          {error}
        </p>
        <p role="status" data-testid="monthend-files-saved">
          {saved}
        </p>
      </section>
    </>
  );
}
