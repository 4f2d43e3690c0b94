/** Wording shared by the import and backup screens: counts, sizes, times and problem lines. */

const COUNT = new Intl.NumberFormat('en-GB');

export function formatCount(n: number): string {
  return COUNT.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return plural(bytes, 'byte');
}

/** "about 8 s left", "about 3 min left": an estimate, so it is rounded and said to be one. */
export function formatRemaining(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `about ${s} s left`;
  const min = Math.round(s / 60);
  if (min < 90) return `about ${min} min left`;
  return `about ${Math.round(min / 60)} h left`;
}

export interface ReadingProgress {
  rowsRead: number;
  totalRowsEstimate: number | null;
  remainingMs: number | null;
}

/** "12,500 of about 200,000 rows read — about 8 s left"; the rows read are always said, the rest when known. */
export function progressText({ rowsRead, totalRowsEstimate, remainingMs }: ReadingProgress): string {
  const rows = totalRowsEstimate ? `${formatCount(rowsRead)} of about ${formatCount(totalRowsEstimate)} rows read` : `${plural(rowsRead, 'row')} read`;
  return remainingMs !== null ? `${rows} — ${formatRemaining(remainingMs)}` : rows;
}

export interface ProblemParts {
  /** "Sheet1!C14", a sheet name alone, or "The file". */
  where: string;
  /** The value as found in the cell, when the problem is about one. */
  value: string | null;
  reason: string;
}

/**
 * Splits a problem as the engine words it (`Sheet!C14: "£2,27l" is not an amount of money`) into its
 * parts for a table. Sheet names cannot hold ":" in Excel, so the first ": " ends the address. A value
 * may itself hold quotes, so the reason is taken as the text after the last `" ` when that leaves a
 * reason without quotes (the engine's reasons that quote something carry no value).
 */
export function splitProblem(text: string): ProblemParts {
  const colon = text.indexOf(': ');
  if (colon < 0) return { where: '', value: null, reason: text };
  const where = text.slice(0, colon);
  const rest = text.slice(colon + 2);
  const withValue = /^"([\s\S]*)" ([^"]*)$/.exec(rest) ?? /^"([\s\S]*?)" ([\s\S]*)$/.exec(rest);
  if (withValue) return { where, value: withValue[1]!, reason: withValue[2]! };
  return { where, value: null, reason: rest };
}

/** "14 March 2025 at 10:32", in the officer's time zone. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return `${day} at ${time}`;
}
