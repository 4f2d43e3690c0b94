import { useState } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import { listPackSections, type PackSectionId } from '../../../shared/pack/sections';
import { messageOf, send } from '../api/client';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { useFileSave } from '../app/useFileSave';
import type { PrintRequest } from '../print/printHash';

const PACK_SECTIONS = listPackSections();

interface Props {
  /** The toolbar's month. */
  period: PeriodInfo;
  onOpenPrint: (req: PrintRequest) => void;
}

/** Choose the sections, then export the workbook (a download in a browser) or open the print view. */
export function PackExport({ period, onOpenPrint }: Props) {
  const [chosen, setChosen] = useState<PackSectionId[]>(PACK_SECTIONS.map((s) => s.id));
  const { busy, saved, error, save } = useFileSave();
  const [checkError, setCheckError] = useState('');
  // What is not ready, shown before either export: the workbook, or the print view the PDF comes from.
  const [notReady, setNotReady] = useState<{ lines: string[]; then: 'workbook' | 'print' } | null>(null);
  const none = chosen.length === 0;
  // In the pack's order, whatever order they were ticked in.
  const sections = PACK_SECTIONS.map((s) => s.id).filter((id) => chosen.includes(id));

  const toggle = (id: PackSectionId, on: boolean) => setChosen((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id)));

  const checkFirst = async (then: 'workbook' | 'print') => {
    setCheckError('');
    try {
      const readiness = await send('pack.readiness', { period: period.id });
      if (!readiness.ready) {
        setNotReady({ lines: readiness.lines, then });
        return;
      }
    } catch (err) {
      setCheckError(messageOf(err));
      return;
    }
    proceed(then);
  };
  const proceed = (then: 'workbook' | 'print') => {
    setNotReady(null);
    if (then === 'workbook') void exportWorkbook();
    else onOpenPrint({ period: period.id, sections });
  };

  const exportWorkbook = () => save(() => send('pack.export', { period: period.id, sections }));

  return (
    <section className="settings__section" aria-labelledby="pack-export-title">
      <h2 id="pack-export-title">Export</h2>
      <p className="pack-month">
        Month: <strong data-testid="pack-month">{period.label}</strong>. Choose another month in the toolbar above.
      </p>
      {period.areas.length ? null : <p className="hint">{period.label} holds no figures yet: each section will say so.</p>}
      <fieldset className="settings__fieldset">
        <legend>Sections</legend>
        {PACK_SECTIONS.map((s) => (
          <div key={s.id} className="choice">
            <input type="checkbox" id={`pack-section-${s.id}`} data-testid={`pack-section-${s.id}`} checked={chosen.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
            <label htmlFor={`pack-section-${s.id}`}>{s.label}</label>
          </div>
        ))}
      </fieldset>
      {none ? <p className="hint">Choose at least one section.</p> : null}
      <div className="settings__actions pack-actions">
        <button type="button" className="button button--primary" data-testid="pack-export" disabled={busy || none} onClick={() => void checkFirst('workbook')}>
          Export workbook
        </button>
        <button type="button" className="button" data-testid="pack-print" disabled={none} onClick={() => void checkFirst('print')}>
          Open print view / Save as PDF
        </button>
      </div>
      {busy ? (
        <div className="pack-progress" data-testid="pack-progress">
          {/* No value: an indeterminate bar, whose role is progressbar. */}
          <progress className="pack-progress__bar" aria-labelledby="pack-progress-text" />
          <span id="pack-progress-text">Preparing the committee pack…</span>
        </div>
      ) : null}
      <p className="form-alert" role="alert" data-testid="pack-export-alert">
        {checkError || error}
      </p>
      <p className="pack-saved" role="status" data-testid="pack-saved">
        {saved}
      </p>
      <ConfirmDialog
        open={notReady !== null}
        title={`${period.label} is not ready for the committee`}
        confirmLabel={notReady?.then === 'print' ? 'Open the print view anyway' : 'Export anyway'}
        cancelLabel="Not now"
        testId="pack-not-ready"
        confirmTestId="pack-export-anyway"
        onConfirm={() => notReady && proceed(notReady.then)}
        onClose={() => setNotReady(null)}
      >
        <ul className="pack-not-ready">
          {notReady?.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>Check these before the pack goes to the committee. You can export now and again once they are dealt with.</p>
      </ConfirmDialog>
    </section>
  );
}
