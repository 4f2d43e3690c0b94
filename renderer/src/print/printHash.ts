import { isPackSectionId, packSectionIds, type PackSectionId } from '../../../shared/pack/sections';

/**
 * The print view's address: `#area=print&period=2023-08&sections=contents,kad` (after `token=…` in a
 * browser). The PDF exporter (main/pack/pdf.ts) and Electron's printToPDF window open it directly.
 * main.tsx's captureToken() strips the fragment before the app renders, so it is read when this module
 * is first evaluated, as backups/hashArea.ts does for `area=`.
 */
const AT_LOAD = window.location.hash;

export interface PrintRequest {
  period: string;
  /** In the pack's order, never empty. */
  sections: PackSectionId[];
}

function param(hash: string, name: string): string | null {
  const raw = new RegExp(`(?:^#|&)${name}=([^&]*)`).exec(hash)?.[1];
  return raw === undefined ? null : decodeURIComponent(raw);
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
  if (param(hash, 'area') !== 'print') return null;
  const period = param(hash, 'period');
  if (!period || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return null;
  return { period, sections: parseSections(param(hash, 'sections')) };
}

/** What the window was opened to print, if anything. */
export function startPrintRequest(): PrintRequest | null {
  return printRequestInHash(AT_LOAD);
}

/** `area=print&period=…&sections=…`, to append to a fragment (the exporter puts it after the token). */
export function printHashParams(req: PrintRequest): string {
  return `area=print&period=${encodeURIComponent(req.period)}&sections=${req.sections.filter(isPackSectionId).join(',')}`;
}
