import { useState } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import { messageOf, send } from '../api/client';
import { saveFile } from '../app/download';

interface Props {
  /** The month chosen in the toolbar. */
  period: PeriodInfo;
}

/** Outturn's own layout, empty or filled with the month's figures; importing it back changes nothing. */
export function TemplateDownload({ period }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');

  const download = async (filled: boolean) => {
    setBusy(true);
    setError('');
    try {
      const { fileName, data } = await send('template.download', { period: period.id, filled });
      saveFile(fileName, data);
      setSaved(`Downloading ${fileName}.`);
    } catch (err) {
      setSaved('');
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="import__section" aria-labelledby="import-template-title">
      <h2 id="import-template-title">Outturn&rsquo;s template</h2>
      <p className="hint">
        One sheet per table with the published column headers and no totals: fill it in and import it here. Choose the month in the toolbar above.
      </p>
      <div className="import__actions">
        <button type="button" className="button" data-testid="template-empty" disabled={busy} onClick={() => void download(false)}>
          Download the template for {period.label}
        </button>
        <button
          type="button"
          className="button"
          data-testid="template-filled"
          disabled={busy || !period.areas.length}
          title={period.areas.length ? undefined : `${period.label} holds no figures yet`}
          onClick={() => void download(true)}
        >
          Download the template for {period.label} filled with {period.label}&rsquo;s figures
        </button>
      </div>
      <p className="form-alert" role="alert">
        {error}
      </p>
      <p className="import__saved" role="status" data-testid="template-saved">
        {saved}
      </p>
    </section>
  );
}
