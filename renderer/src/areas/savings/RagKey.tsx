import type { RagSettings } from '../../../../shared/areas/savings/rag';
import { ragKeyBoundaries, ragKeyHeaders, ragKeyRows } from '../../../../shared/areas/savings/key';

/** The Key to RAG Ratings as published, with the boundaries in force and what Outturn decides where the key is silent. */
export function RagKey({ settings }: { settings: RagSettings }) {
  const headers = ragKeyHeaders(settings);
  return (
    <section className="savings-key" aria-labelledby="savings-key-title" data-testid="savings-key">
      <h2 id="savings-key-title">Key to RAG Ratings</h2>
      <table className="savings-key__table">
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ragKeyRows(settings).map((r) => (
            <tr key={r.rating}>
              <th scope="row" className={`savings-rag savings-rag--${r.rating.toLowerCase()}`}>
                {r.rating}
              </th>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{ragKeyBoundaries(settings)}</p>
    </section>
  );
}
