/**
 * How much an Excel number format divides the stored value before showing it. Each comma that follows
 * the last digit placeholder of a section divides by 1,000: `£#,##0,"k"` shows 28942123 as £28,942k,
 * so the cell holds pounds while the column is in £k. Commas between digit placeholders only group.
 */

const cache = new Map<string, readonly number[]>();

/** Splits on `;` outside quotes, brackets and escapes. */
function sections(fmt: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '\\' && !quoted && i + 1 < fmt.length) {
      current += ch + fmt[++i];
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    else if (ch === ';' && !quoted && !bracket) {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out;
}

function thousandsScale(section: string): number {
  // Drop literals: quoted text, escaped characters, [colours]/[$£-809], and _x / *x padding.
  const bare = section.replace(/"[^"]*"?/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]?/g, '').replace(/[_*]./g, '');
  let last = -1;
  for (let i = 0; i < bare.length; i++) if ('0#?'.includes(bare[i]!)) last = i;
  if (last < 0) return 1;
  let commas = 0;
  for (let i = last + 1; i < bare.length; i++) {
    const ch = bare[i]!;
    if (ch === ',') commas++;
    else if (ch === '.' || ch === ' ') continue;
    else break;
  }
  return 1000 ** Math.min(commas, 4);
}

/** The divisor for a value shown through `fmt`: Excel picks the section by the value's sign. */
export function displayDivisor(fmt: string | undefined, value: number): number {
  if (!fmt || !fmt.includes(',')) return 1;
  let scales = cache.get(fmt);
  if (!scales) {
    scales = sections(fmt).slice(0, 3).map(thousandsScale);
    if (cache.size > 500) cache.clear();
    cache.set(fmt, scales);
  }
  const index = value < 0 && scales.length > 1 ? 1 : value === 0 && scales.length > 2 ? 2 : 0;
  return scales[index] ?? 1;
}
