import { MonthId, monthLabel } from '../../../shared/periods';
import type { Named } from '../spec';

/**
 * Recognising what officers write: months ("August 2023", "Aug 23", "2023-08", "June" with the year
 * from the table's financial year), and names as captions and row labels spell them ("Physical
 * Disabilities Services for Under 65s" for "Physical Disabilities Under 65s", "~Home care").
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?:[\s,'’-]*(\d{4}|\d{2})\b)?/i;
const ISO_MONTH = /\b(20\d{2})-(0[1-9]|1[0-2])\b/;

export interface FoundMonth {
  /** YYYY-MM, or null when only the month name is given and no financial year is known. */
  period: string | null;
  /** As written, for messages: "August 2023". */
  said: string;
}

function periodOf(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The first month named in `text`; `fyStart` (2023 for 2023-24) supplies a missing year. */
export function findMonth(text: string, fyStart: number | null = null): FoundMonth | null {
  const iso = ISO_MONTH.exec(text);
  if (iso) {
    const period = periodOf(Number(iso[1]), Number(iso[2]));
    return { period, said: monthLabel(period) };
  }
  const m = MONTH_WORD.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
  if (m[2]) {
    const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    const period = periodOf(year, month);
    return { period, said: monthLabel(period) };
  }
  if (fyStart === null) return { period: null, said: m[1]! };
  const period = periodOf(month >= 4 ? fyStart : fyStart + 1, month);
  return { period, said: monthLabel(period) };
}

export function isMonthId(text: string): boolean {
  return MonthId.safeParse(text).success;
}

const STOP = new Set(['and', 'for', 'the', 'of', 'service', 'in', '&']);

function stem(token: string): string {
  if (/^\d+s$/.test(token)) return token.slice(0, -1);
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss')) return token.slice(0, -1);
  return token;
}

export function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(stem)
    .filter((t) => !STOP.has(t));
}

const flat = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Adds to a lookup, remembering names that two entries share so that neither is guessed. */
function put<T>(map: Map<string, T | null>, key: string, value: T): void {
  if (!key) return;
  const had = map.get(key);
  map.set(key, had === undefined || had === value ? value : null);
}

/**
 * Names a table is about (its subjects), indexed once per file: a name is matched exactly (case,
 * spacing and punctuation aside) or by the same words however spelt; a caption, by the subject whose
 * words all appear in it ("… for Older People Mental Health (OPMH) Services:"), the longest when several do.
 */
export class NameIndex<T extends Named> {
  private readonly exact = new Map<string, T | null>();
  private readonly words = new Map<string, T | null>();
  private readonly ids = new Map<string, T>();

  constructor(private readonly items: readonly T[]) {
    for (const s of items) {
      this.ids.set(s.id, s);
      put(this.exact, flat(s.name), s);
      put(this.exact, flat(s.id), s);
      put(this.words, tokens(s.name).join(' '), s);
      put(this.words, tokens(s.id).join(' '), s);
    }
  }

  byId(id: string): T | null {
    return this.ids.get(id) ?? null;
  }

  match(text: string): T | null {
    return this.exact.get(flat(text)) ?? this.words.get(tokens(text).join(' ')) ?? null;
  }

  inCaption(caption: string): T | null {
    const direct = this.match(caption);
    if (direct) return direct;
    const have = new Set(tokens(caption));
    let best: T | null = null;
    let bestSize = 0;
    let tie = false;
    for (const s of this.items) {
      const want = tokens(s.name);
      if (want.length === 0 || !want.every((t) => have.has(t))) continue;
      if (want.length > bestSize) [best, bestSize, tie] = [s, want.length, false];
      else if (want.length === bestSize && s !== best) tie = true;
    }
    return tie ? null : best;
  }

  /** A sheet named after its table, possibly cut to Excel's 31 characters. */
  forSheet(sheet: string): T | null {
    const direct = this.match(sheet);
    if (direct) return direct;
    const lower = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
    const start = lower(sheet.replace(/\s*\(\d+\)$/, ''));
    if (start.length < 10) return null;
    const prefixed = this.items.filter((s) => lower(s.name).startsWith(start));
    return prefixed.length === 1 ? prefixed[0]! : null;
  }
}

/** Row labels: "~Residential", "Home care", "live-in care", or an id such as "live_in_care". */
export class LabelIndex<T extends Named> {
  private ids: Map<string, T | null> | null = null;
  private names: Map<string, T | null> | null = null;
  private flatIds: Map<string, T | null> | null = null;

  // Built on first use: a template needs only the ids, a committee table only the names.
  constructor(private readonly types: readonly T[]) {}

  private build(key: (t: T) => string): Map<string, T | null> {
    const map = new Map<string, T | null>();
    for (const t of this.types) put(map, key(t), t);
    return map;
  }

  /** The Key column of the template: ids only. */
  byKey(key: string): T | null {
    this.ids ??= this.build((t) => t.id.toLowerCase());
    return this.ids.get(key.trim().toLowerCase()) ?? null;
  }

  byLabel(label: string): T | null {
    const wanted = flat(label.replace(/^\s*~/, ''));
    if (!wanted) return null;
    this.names ??= this.build((t) => flat(t.name));
    const named = this.names.get(wanted);
    if (named) return named;
    this.flatIds ??= this.build((t) => flat(t.id));
    return this.flatIds.get(wanted) ?? null;
  }
}

export interface Title {
  /** The words naming the table's subject: "Learning Disability Partnership". */
  subject: string;
  month: FoundMonth | null;
}

/**
 * The rest of a title after the table's name: "at the end of August 2023 for Learning Disability
 * Partnership is shown below:" gives the month before "for" and the subject after it. A heading that
 * names neither (a bare section heading such as "5. Section Title") is not a title.
 */
export function titleParts(rest: string): Title | null {
  const forAt = rest.search(/\bfor\b/i);
  const before = forAt >= 0 ? rest.slice(0, forAt) : rest;
  const month = findMonth(before);
  if (forAt < 0 && !month) return null;
  const subject = forAt >= 0 ? rest.slice(forAt + 3).replace(/\b(?:is|are)\s+shown\s+below\b/i, '').replace(/[:.\s]+$/, '').trim() : '';
  return { subject, month };
}
