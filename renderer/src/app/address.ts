import { MonthId } from '../../../shared/periods';

/**
 * The address fragment, read and written as `name=value` pairs joined by `&`. It holds where the
 * officer is, `#area=<page>&period=<YYYY-MM>&<the page's own params>`, so a reload comes back to the
 * same place; the Electron menu opens `#area=import`, the PDF exporter `#area=print&…`, and a browser
 * first arrives with `#token=…`, which api/client.ts takes out. Pure functions: no window here.
 */
export type FragmentParams = [name: string, value: string][];

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null; // a malformed escape: as if the parameter were absent
  }
}

/** "#area=import&period=2023-08" → [['area', 'import'], ['period', '2023-08']], in order, decoded. */
export function fragmentParams(hash: string): FragmentParams {
  const out: FragmentParams = [];
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const value = decode(part.slice(eq + 1));
    if (value !== null) out.push([part.slice(0, eq), value]);
  }
  return out;
}

/** The first value of a parameter, or null. */
export function fragmentParam(hash: string, name: string): string | null {
  return fragmentParams(hash).find(([n]) => n === name)?.[1] ?? null;
}

/** The fragment to put in the address ("" for none), values encoded. */
export function fragmentOf(params: FragmentParams): string {
  return params.length ? `#${params.map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join('&')}` : '';
}

/** The same fragment without one parameter, everything else kept as it was written. */
export function fragmentWithout(hash: string, name: string): string {
  const rest = hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p && !p.startsWith(`${name}=`));
  return rest.length ? `#${rest.join('&')}` : '';
}

/** A page of the app as the address knows it: its id and the parameters it keeps there. */
export interface PageAddress {
  id: string;
  params: readonly string[];
}

export interface Place {
  page: string;
  /** The toolbar's month (YYYY-MM), once known. */
  period: string | null;
  /** The page's own parameters. */
  params: Record<string, string>;
}

/**
 * Where a fragment points: a page of `pages` (else null), a well-formed month (else null) and, of the
 * page's own parameters, those present. Anything else (the token, another page's parameters) is ignored.
 */
export function placeInHash(hash: string, pages: readonly PageAddress[]): { page: string | null; period: string | null; params: Record<string, string> } {
  const all = fragmentParams(hash);
  const get = (name: string) => all.find(([n]) => n === name)?.[1];
  const page = pages.find((p) => p.id === get('area')) ?? null;
  const period = get('period');
  const params: Record<string, string> = {};
  for (const name of page?.params ?? []) {
    const value = get(name);
    if (value) params[name] = value;
  }
  return { page: page?.id ?? null, period: period && MonthId.safeParse(period).success ? period : null, params };
}

/** `#area=<page>&period=2023-08&<param>=<value>…`: the page, the month, then the page's parameters in the order it declares them. */
export function hashOfPlace(place: Place, pages: readonly PageAddress[]): string {
  const declared = pages.find((p) => p.id === place.page)?.params ?? [];
  const own = declared.flatMap((name): FragmentParams => (place.params[name] ? [[name, place.params[name]]] : []));
  return fragmentOf([['area', place.page], ...(place.period ? ([['period', place.period]] as FragmentParams) : []), ...own]);
}
