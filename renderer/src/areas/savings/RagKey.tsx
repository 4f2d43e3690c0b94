import type { CSSProperties } from 'react';
import type { RagSettings } from '../../../../shared/areas/savings/rag';
import { RAG_COLOURS, ragKeyBoundaries, ragKeyHeaders, ragKeyRows } from '../../../../shared/areas/savings/key';
import type { Rag } from '../../../../shared/units';

/** A rating's fill and text colour, as the pack fills its cells (the word is always written too). */
export const ragStyle = (rag: Rag | null): CSSProperties | undefined => (rag ? { background: `#${RAG_COLOURS[rag].fill}`, color: `#${RAG_COLOURS[rag].text}` } : undefined);

/** The Key to RAG Ratings as published, with the boundaries in force: on the page and in the print view. */
export function RagKeyTable({ settings, className, ratingClass }: { settings: RagSettings; className: string; ratingClass: string }) {
  return (
    <table className={className}>
      <thead>
        <tr>
          {ragKeyHeaders(settings).map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ragKeyRows(settings).map((r) => (
          <tr key={r.rating}>
            <th scope="row" className={ratingClass} style={ragStyle(r.rating)}>
              {r.rating}
            </th>
            {r.cells.map((c, i) => (
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The key under the trackers, and what Outturn decides where the published key is silent. */
export function RagKey({ settings }: { settings: RagSettings }) {
  return (
    <section className="savings-key" aria-labelledby="savings-key-title" data-testid="savings-key">
      <h2 id="savings-key-title">Key to RAG Ratings</h2>
      <RagKeyTable settings={settings} className="savings-key__table" ratingClass="savings-key__rating" />
      <p className="hint">{ragKeyBoundaries(settings)}</p>
    </section>
  );
}
