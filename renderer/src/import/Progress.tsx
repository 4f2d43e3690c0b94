import { useEffect, useRef, useState } from 'react';
import { formatBytes, progressText } from './format';
import type { ImportStatus } from './flow';

/** A screen reader hears the progress at most this often; the bar and text on screen follow every poll. */
const ANNOUNCE_EVERY_MS = 5000;

function useThrottled(text: string): string {
  const [said, setSaid] = useState(text);
  const last = useRef(0);
  useEffect(() => {
    const now = Date.now();
    if (now - last.current < ANNOUNCE_EVERY_MS) return;
    last.current = now;
    setSaid(text);
  }, [text]);
  return said;
}

interface BarProps {
  label: string;
  /** 0..1, or null while the total is not known (the bar then moves without a value). */
  fraction: number | null;
  text: string;
  testId: string;
  data?: Record<string, string | number>;
  cancelling: boolean;
  onCancel: () => void;
}

function Bar({ label, fraction, text, testId, data, cancelling, onCancel }: BarProps) {
  const percent = fraction === null ? null : Math.round(fraction * 100);
  const announced = useThrottled(text);
  return (
    <div className="import-progress" data-testid={testId} {...data}>
      <p className="import-progress__label" id={`${testId}-label`}>
        {label}
      </p>
      {/* A native bar: its role is progressbar; value and text are given for assistive technology as well. */}
      <progress
        className="import-progress__bar"
        max={100}
        {...(percent === null ? {} : { value: percent, 'aria-valuenow': percent })}
        aria-labelledby={`${testId}-label`}
        aria-valuetext={text}
      />
      <p className="import-progress__text" data-testid={`${testId}-text`}>
        {text}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>
      <button type="button" className="button" data-testid="import-cancel" disabled={cancelling} onClick={onCancel}>
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}

export function UploadProgress({ fileName, sent, total, cancelling, onCancel }: { fileName: string; sent: number; total: number; cancelling: boolean; onCancel: () => void }) {
  return (
    <Bar
      label={`Sending ${fileName} to Outturn`}
      fraction={total ? sent / total : null}
      text={`${formatBytes(sent)} of ${formatBytes(total)} sent`}
      testId="import-upload"
      cancelling={cancelling}
      onCancel={onCancel}
    />
  );
}

export function ReadingProgress({ status, cancelling, onCancel }: { status: ImportStatus; cancelling: boolean; onCancel: () => void }) {
  return (
    <Bar
      label={`Reading ${status.fileName}`}
      fraction={status.fraction}
      text={progressText(status)}
      testId="import-progress"
      data={{ 'data-rows-read': status.rowsRead }}
      cancelling={cancelling}
      onCancel={onCancel}
    />
  );
}
