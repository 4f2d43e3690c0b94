import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import { formatBytes } from './format';

interface Props {
  months: readonly PeriodInfo[];
  /** After a result: the heading asks for another file. */
  again: boolean;
  onStart: (files: File[], period: string | null) => void;
}

/**
 * The file input is the control; the drop zone around it only adds dragging a file from Explorer or
 * Finder. Keyboard and screen-reader users use the input, which is always visible and labelled.
 */
export function ChooseFile({ months, again, onStart }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [period, setPeriod] = useState('');
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState('');

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files;
    if (!dropped.length) {
      setError('Only a file can be dropped here.');
      return;
    }
    // Show the dropped files in the input too, so what the officer sees is what will be imported.
    if (input.current) input.current.files = dropped;
    setFiles([...dropped]);
    setError('');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!files.length) {
      setError('Choose a file (or several returns) first.');
      input.current?.focus();
      return;
    }
    onStart(files, period || null);
  };

  return (
    <section className="import__section" aria-labelledby="import-choose-title">
      <h2 id="import-choose-title">{again ? 'Import another file' : 'Choose a file'}</h2>
      <form className="import__form" onSubmit={submit} data-testid="import-form">
        <div
          className={`import-drop${dragging ? ' import-drop--over' : ''}`}
          data-testid="import-drop"
          onDragOver={(e) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <label htmlFor="import-file">Workbook or CSV file, or returns</label>
          <input
            ref={input}
            id="import-file"
            type="file"
            accept=".xlsx,.csv"
            multiple
            data-testid="import-file"
            aria-describedby="import-file-hint"
            onChange={(e) => {
              setFiles([...(e.target.files ?? [])]);
              setError('');
            }}
          />
          <p id="import-file-hint" className="hint">
            A committee workbook as published, or Outturn&rsquo;s own template (.xlsx or .csv). Offline returns your owners sent back can be chosen (or dragged here) several at once and are taken back together. You can also drag the file here.
          </p>
          {files.length ? (
            <p className="import-drop__chosen" data-testid="import-chosen">
              {files.map((f) => `${f.name} (${formatBytes(f.size)})`).join(', ')}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="import-period">Month of the figures</label>
          <select id="import-period" data-testid="import-period" value={period} aria-describedby="import-period-hint" onChange={(e) => setPeriod(e.target.value)}>
            <option value="">As the file says</option>
            {months.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
          <p id="import-period-hint" className="hint">
            Outturn takes the month from each table&rsquo;s title, else from the sheet name. Choose one when the file does not say; a file whose title names another month is then refused.
          </p>
        </div>
        <p className="form-alert" role="alert" data-testid="import-choose-alert">
          {error}
        </p>
        <div className="import__actions">
          <button type="submit" className="button button--primary" data-testid="import-start">
            Start import
          </button>
        </div>
      </form>
    </section>
  );
}
