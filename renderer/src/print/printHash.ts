import { isPackSectionId, packSectionIds, type PackSectionId } from '../../../shared/pack/sections';
import { fragmentParam } from '../app/address';

/**
 * The print view's address: `#area=print&period=2023-08&sections=contents,<section ids>` (after
 * `token=…` in a browser, which api/client.ts takes out at start-up). The PDF exporter
 * (main/pack/pdf.ts) and Electron's printToPDF window open it directly; the shell writes it back while
 * the print view is open, so a reload shows the same pack.
 */
export interface PrintRequest {
  period: string;
  /** In the pack's order, never empty. */
  sections: PackSectionId[];
}

/** Unknown section ids are dropped; none (or none known) means every section, as the exporter does. */
export function parseSections(raw: string | null): PackSectionId[] {
  const wanted = new Set((raw ?? '').split(',').map((s) => s.trim().toLowerCase()));
  const all = packSectionIds();
  const known = all.filter((id) => wanted.has(id));
  return known.length ? known : all;
}

/** The print request in a fragment, or null when it does not ask for the print view of a valid month. */
export function printRequestInHash(hash: string): PrintRequest | null {
  if (fragmentParam(hash, 'area') !== 'print') return null;
  const period = fragmentParam(hash, 'period');
  if (!period || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return null;
  return { period, sections: parseSections(fragmentParam(hash, 'sections')) };
}

/** `area=print&period=…&sections=…`, to append to a fragment (the exporter puts it after the token). */
export function printHashParams(req: PrintRequest): string {
  return `area=print&period=${encodeURIComponent(req.period)}&sections=${req.sections.filter(isPackSectionId).join(',')}`;
}
