import type { Finding } from '../../../shared/checks';
import { sharedArea } from '../../../shared/areas';

interface Props {
  findings: readonly Finding[];
  /** Ids of the table's and the rule's headings, which together name the findings table. */
  labelledBy: string;
  onOpen: (finding: Finding) => void;
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
export function FindingsTable({ findings, labelledBy, onOpen }: Props) {
  return (
    <table className="findings" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Column</th>
          <th scope="col">Found (reported)</th>
          <th scope="col">Expected (computed)</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f, i) => (
          <tr key={`${f.rowKey ?? f.row}|${f.columnKey ?? f.column}|${i}`} data-testid="finding" data-rule={f.rule}>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
