import type { PeriodInfo } from '../../../shared/api/contract';
import type { PrintRequest } from '../print/printHash';
import { PackExport } from './PackExport';
import { PackSettingsForm } from './PackSettingsForm';

interface Props {
  period: PeriodInfo;
  /** Why nothing can be written (read-only workspace), or null; exporting still works. */
  lock: string | null;
  reloadKey: number;
  /** Settings were saved: the shell refreshes its history and shows the message. */
  onChanged: (message: string) => void;
  onOpenPrint: (req: PrintRequest) => void;
}

/** The committee pack: its settings, then the workbook export and the print view for the toolbar's month. */
export function PackPage({ period, lock, reloadKey, onChanged, onOpenPrint }: Props) {
  return (
    <section className="page pack" aria-labelledby="page-title">
      <h1 id="page-title">Committee pack</h1>
      <p className="hint pack-lead">
        The Finance Monitoring Report appendices laid out as published, ready for the agenda: an Excel workbook whose figures stay numbers, or a PDF from the print view.
      </p>
      {lock ? (
        <p className="banner banner--readonly">
          <strong>Settings not editable.</strong> {lock} The pack can still be exported.
        </p>
      ) : null}
      <PackSettingsForm period={period.id} lock={lock} reloadKey={reloadKey} onChanged={onChanged} />
      <PackExport period={period} onOpenPrint={onOpenPrint} />
    </section>
  );
}
