import type { RevenueNarratives } from '../../../../shared/areas/revenue/api';
import { TextEditor } from './TextEditor';

/** Sections 1.1, 1.3 (per directorate) and 2 of the pack, written here and printed as written. */
export function NarrativeView({ data, lock, onSave }: { data: RevenueNarratives; lock: string | null; onSave: (key: string, body: string) => Promise<void> }) {
  return (
    <div className="revenue-narratives">
      {data.narratives.map((n) => (
        <section key={n.key} aria-label={n.title}>
          <TextEditor label={n.title} value={n.body} carried={n.carried} lock={lock} onSave={(body) => onSave(n.key, body)} testId={`revenue-narrative-${n.key}`} />
        </section>
      ))}
    </div>
  );
}
