import type { Finding } from '../../../shared/checks';
import { sharedArea } from '../../../shared/areas';
import { refKey, statusText } from './review';

interface Props {
  findings: readonly Finding[];
  /** Ids of the table's and the rule's headings, which together name the findings table. */
  labelledBy: string;
  onOpen: (finding: Finding) => void;
  selected: ReadonlySet<string>;
  onToggle: (findings: readonly Finding[], on: boolean) => void;
}

/** A blank reads as "none" to a screen reader rather than as a dash. */
function Value({ text }: { text: string | null }) {
  if (text) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">none</span>
    </>
  );
}

/** One rule's findings for one table: a plain table, one finding a row; the row name opens the table's page. */
export function FindingsTable({ findings, labelledBy, onOpen, selected, onToggle }: Props) {
  const all = findings.length > 0 && findings.every((f) => selected.has(refKey(f)));
  return (
    <table className="findings" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col" className="findings__tick">
            <input type="checkbox" aria-label="Tick every finding of this check" checked={all} onChange={(e) => onToggle(findings, e.target.checked)} />
          </th>
          <th scope="col">Row</th>
          <th scope="col">Column</th>
          <th scope="col">Found (reported)</th>
          <th scope="col">Expected (computed)</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f, i) => (
          <tr key={`${refKey(f)}|${i}`} data-testid="finding" data-rule={f.rule} data-status={f.review?.status ?? 'open'} className={f.review ? 'findings__reviewed' : undefined}>
            <td className="findings__tick">
              <input type="checkbox" aria-label={`Tick ${f.row}, ${f.column}`} checked={selected.has(refKey(f))} onChange={(e) => onToggle([f], e.target.checked)} />
            </td>
            <th scope="row">
              {f.target ? (
                <button type="button" className="link-button" title={`Open ${f.table} in ${sharedArea(f.area)?.name ?? 'its page'}`} onClick={() => onOpen(f)}>
                  {f.row}
                </button>
              ) : (
                f.row
              )}
            </th>
            <td>{f.column}</td>
            <td>
              <Value text={f.reported} />
            </td>
            <td>
              <Value text={f.computed} />
            </td>
            <td className="findings__status" data-testid="finding-status">
              {statusText(f)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
