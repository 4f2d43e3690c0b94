import { Fragment, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/client';
import { loadPrintData, type PrintData } from './loadPrint';
import { PrintCover } from './PrintCover';
import type { PrintRequest } from './printHash';
import { printWithRunningHeader } from './runningHeader';
import './print.css';

interface Props {
  request: PrintRequest;
  /** The CSP nonce, for the running header of the browser's own Print. */
  styleNonce: string | undefined;
  /** Back to the app; absent when the window was opened only to print. */
  onClose?: () => void;
}

/** The report title, with the month added unless it names it already (as the workbook's footer does). */
function titleWithPeriod(data: PrintData): string {
  const month = data.periodLabel.split(' ')[0]!;
  return data.reportTitle.includes(month) ? data.reportTitle : `${data.reportTitle} – ${data.periodLabel}`;
}

/** "Adults and Health Committee – Finance Monitoring Report – August 2023/24": the pack's running header. */
export function runningHeaderText(data: PrintData): string {
  return [data.settings.committee || data.settings.councilName, titleWithPeriod(data)].join(' – ');
}

/**
 * Tells whoever prints the page (main/pack/pdf.ts, Electron's printToPDF) that it is complete: every
 * chart decoded and the fonts loaded. `printHeader` carries the running header for their templates.
 */
function signal(state: 'true' | 'error', detail: { header?: string; error?: string }): void {
  document.body.dataset.printReady = state;
  if (detail.header !== undefined) document.body.dataset.printHeader = detail.header;
  if (detail.error !== undefined) document.body.dataset.printError = detail.error;
}

function clearSignal(): void {
  for (const key of ['printReady', 'printHeader', 'printError']) delete document.body.dataset[key];
}

/**
 * The committee pack laid out for A4 landscape in plain semantic HTML, without the app's header and
 * navigation: the cover and contents, then each requested section as its area lays it out. The address
 * (written by the shell) names what is printed, so a reload shows the same pack. print.css holds the
 * page rules.
 */
export function PrintView({ request, styleNonce, onClose }: Props) {
  const [data, setData] = useState<PrintData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    clearSignal();
    setData(null);
    setError(null);
    loadPrintData(request).then(
      (d) => !cancelled && setData(d),
      (err: unknown) => {
        if (cancelled) return;
        const message = messageOf(err);
        setError(message);
        signal('error', { error: message });
      },
    );
    return () => {
      cancelled = true;
      clearSignal();
    };
  }, [request]);

  useEffect(() => {
    if (!data) return;
    const previousTitle = document.title;
    // The PDF's title (its document properties), which screen readers announce when it opens.
    document.title = titleWithPeriod(data);
    let cancelled = false;
    const images = [...(root.current?.querySelectorAll('img') ?? [])];
    void Promise.all([document.fonts.ready, ...images.map((img) => img.decode().catch(() => undefined))]).then(() => {
      if (!cancelled) signal('true', { header: runningHeaderText(data) });
    });
    return () => {
      cancelled = true;
      document.title = previousTitle;
    };
  }, [data]);

  const withContents = request.sections.includes('contents');

  return (
    <div className="print-view" ref={root} data-testid="print-view">
      <div className="print-toolbar">
        {onClose ? (
          <button type="button" className="button" data-testid="print-close" onClick={onClose}>
            Back to the committee pack
          </button>
        ) : null}
        <button type="button" className="button button--primary" data-testid="print-print" disabled={!data} onClick={() => data && printWithRunningHeader(runningHeaderText(data), styleNonce)}>
          Print / Save as PDF
        </button>
        <p className="print-toolbar__hint">Prints on A4 landscape. Choose &ldquo;Save as PDF&rdquo; as the printer to save a PDF.</p>
      </div>
      <main className="print-pages">
        {error ? (
          <>
            <h1>The committee pack could not be laid out</h1>
            <p className="form-alert" role="alert">
              {error}
            </p>
          </>
        ) : !data ? (
          <p className="loading" role="status">
            Preparing the print view…
          </p>
        ) : (
          <>
            {withContents ? <PrintCover data={data} period={request.period} /> : null}
            {data.sections.map((s) => (
              <Fragment key={s.id}>{s.printed.render(!withContents)}</Fragment>
            ))}
          </>
        )}
      </main>
    </div>
  );
}
