import type { Target } from '../../../shared/area';
import { sharedAreas } from '../../../shared/areas';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import { ChooseFile } from './ChooseFile';
import { importFlow, type Stage } from './flow';
import { Outcome } from './Outcome';
import { Preview } from './Preview';
import { ReadingProgress, UploadProgress } from './Progress';
import { Refused } from './Refused';
import { ReturnsDone } from './ReturnsDone';
import { ReturnsPreviewSection } from './ReturnsPreview';
import { TemplateDownload } from './TemplateDownload';

interface Props {
  months: readonly PeriodInfo[];
  /** The month chosen in the toolbar: the templates are for it. */
  period: PeriodInfo;
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
  /** An import was applied: the shell reloads the months, history and pages and shows the message. */
  onApplied: (message: string) => void;
  onOpen: (target: Target) => void;
}

/** Identifies a finished stage, so focus moves to its heading once, when it is reached. */
function resultKey(stage: Stage): string | null {
  if (stage.kind === 'stopped' || stage.kind === 'error') return stage.kind;
  if (stage.kind === 'returns') return `returns:${stage.batch.batchId}`;
  if (stage.kind === 'returns-done') return 'returns-done';
  if (stage.kind === 'job' && stage.status.state !== 'reading') return `${stage.status.jobId}:${stage.status.state}`;
  return null;
}

export function ImportPage({ months, period, lock, onApplied, onOpen }: Props) {
  const stage = useSyncExternalStore(importFlow.subscribe, importFlow.current);
  const heading = useRef<HTMLHeadingElement>(null);
  const key = resultKey(stage);
  // Starts as the stage found on arrival, so coming back to this page does not move focus.
  const lastKey = useRef(key);
  useEffect(() => {
    if (key === lastKey.current) return;
    lastKey.current = key;
    if (key) heading.current?.focus();
  }, [key]);

  const apply = async () => {
    const status = await importFlow.apply();
    if (status?.state === 'applied') onApplied(status.message ?? `Imported ${status.fileName}`);
  };
  const cancel = () => void importFlow.cancel();
  const applyReturns = async () => {
    const result = await importFlow.applyReturns();
    if (result?.state === 'applied') onApplied(result.message);
  };

  const busy = stage.kind === 'uploading' || stage.kind === 'returns' || (stage.kind === 'job' && (stage.status.state === 'reading' || stage.status.state === 'ready'));

  return (
    <section className="page import" aria-labelledby="page-title">
      <h1 id="page-title">Import</h1>
      <p className="import__lead">
        Bring in {sharedAreas()
          .map((a) => a.name)
          .join(', ')}{' '}
        figures from a committee workbook or from Outturn&rsquo;s template, or take back the offline returns owners sent (several at once). You see what would change before anything
        does, and it is applied in one step or not at all.
      </p>
      {stage.kind === 'uploading' ? <UploadProgress {...stage} onCancel={cancel} /> : null}
      {stage.kind === 'job' && stage.status.state === 'reading' ? (
        <>
          <ReadingProgress status={stage.status} cancelling={stage.cancelling} onCancel={cancel} />
          <p className="form-alert" role="alert">
            {stage.error ?? ''}
          </p>
        </>
      ) : null}
      {stage.kind === 'job' && (stage.status.state === 'refused' || stage.status.state === 'failed') ? <Refused status={stage.status} headingRef={heading} /> : null}
      {stage.kind === 'job' && stage.status.state === 'ready' ? (
        <Preview
          status={stage.status}
          applying={stage.applying}
          cancelling={stage.cancelling}
          error={stage.error}
          lock={lock}
          headingRef={heading}
          onApply={() => void apply()}
          onCancel={cancel}
        />
      ) : null}
      {stage.kind === 'job' && (stage.status.state === 'applied' || stage.status.state === 'nothing-to-do' || stage.status.state === 'cancelled') ? (
        <Outcome kind={stage.status.state} fileName={stage.status.fileName} message={stage.status.message ?? ''} status={stage.status} headingRef={heading} onOpen={onOpen} />
      ) : null}
      {stage.kind === 'returns' ? (
        <ReturnsPreviewSection
          batch={stage.batch}
          resolutions={stage.resolutions}
          applying={stage.applying}
          error={stage.error}
          lock={lock}
          headingRef={heading}
          onResolve={(tokens, r) => importFlow.resolve(tokens, r)}
          onApply={() => void applyReturns()}
          onCancel={cancel}
        />
      ) : null}
      {stage.kind === 'returns-done' ? <ReturnsDone result={stage.result} headingRef={heading} /> : null}
      {stage.kind === 'stopped' || stage.kind === 'error' ? (
        <Outcome kind={stage.kind === 'stopped' ? 'cancelled' : 'error'} fileName={stage.fileName} message={stage.message} status={null} headingRef={heading} onOpen={onOpen} />
      ) : null}
      {busy ? null : <ChooseFile months={months} again={stage.kind !== 'choose'} onStart={(files, p) => void importFlow.start(files, p)} />}
      <TemplateDownload period={period} />
    </section>
  );
}
