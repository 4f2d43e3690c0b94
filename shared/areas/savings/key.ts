import type { Rag } from '../../units';
import { bandLabel, DEFAULT_RAG_SETTINGS, RAG_BANDS, type RagSettings } from './rag';

/**
 * The "Key to RAG Ratings" table as the FMR prints it (rag-key.json), with the boundaries of the
 * settings in force, and one sentence saying what the published key leaves open.
 */
export interface RagKeyRow {
  rating: Rag;
  /** One cell per band: over £500k, £100–500k, below £100k. */
  cells: [string, string, string];
}

const pct = (n: number) => `${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })}%`;

export function ragKeyHeaders(s: RagSettings = DEFAULT_RAG_SETTINGS): [string, string, string, string] {
  const [large, middle, small] = RAG_BANDS.map((b) => bandLabel(b, s)) as [string, string, string];
  return ['Total saving', large, middle, small];
}

export function ragKeyRows(s: RagSettings = DEFAULT_RAG_SETTINGS): RagKeyRow[] {
  const other = `% variance more than ${pct(s.otherAmberAbovePct)}`;
  return [
    { rating: 'Black', cells: ['100% non-achieving', '100% non-achieving', '100% non-achieving'] },
    { rating: 'Red', cells: [`% variance more than ${pct(s.largeRedAbovePct)}`, '-', '-'] },
    { rating: 'Amber', cells: [`Underachieving by ${pct(s.largeAmberFromPct).replace('%', '')}% to ${pct(s.largeRedAbovePct)}`, other, other] },
    { rating: 'Green', cells: [`% variance less than ${pct(s.largeAmberFromPct)}`, `% variance less than ${pct(s.otherAmberAbovePct)}`, `% variance less than ${pct(s.otherAmberAbovePct)}`] },
    { rating: 'Blue', cells: ['Over-achieving', 'Over-achieving', 'Over-achieving'] },
  ];
}

/** What Outturn decides where the published key is silent. */
export function ragKeyBoundaries(s: RagSettings = DEFAULT_RAG_SETTINGS): string {
  return (
    `Boundaries: £${s.bandLowerK.toLocaleString('en-GB')}k and £${s.bandUpperK.toLocaleString('en-GB')}k fall in the ${bandLabel('middle', s)} band; ` +
    `over £${s.bandUpperK.toLocaleString('en-GB')}k exactly ${pct(s.largeAmberFromPct)} and exactly ${pct(s.largeRedAbovePct)} are Amber; in the other bands exactly ${pct(s.otherAmberAbovePct)} is Green. ` +
    '% variance = (forecast − original) ÷ |original|, from the unrounded figures.'
  );
}

/** Fill and text colours of each rating, wherever a RAG is coloured (the word is always written too). */
export const RAG_COLOURS: Record<Rag, { fill: string; text: string }> = {
  Black: { fill: '000000', text: 'FFFFFF' },
  Red: { fill: 'C00000', text: 'FFFFFF' },
  Amber: { fill: 'FFC000', text: '000000' },
  Green: { fill: '00B050', text: '000000' },
  Blue: { fill: '0070C0', text: 'FFFFFF' },
};
