import { z } from 'zod';
import type { Hundredths } from '../../units';
import { slug, type Figures, type RevenueLine, type Section } from './model';
import { variancePct, type PctBase } from './percent';
import { sumFigures } from './summary';

/**
 * Appendix 2's rule: "narrative is given where there is an adverse/positive variance greater than 2% of
 * annual budget or £100,000, whichever is greater, for a service area". As CHECKS.md 0.4 and 6 found,
 * it applies per service area: a heading closed by its Total row, or a line not inside one. "Greater
 * than" is strict; the budget base (|net| or gross) and both figures are settings.
 */
export const CommentarySettingsSchema = z.object({
  /** What "annual budget" means for the threshold. */
  commentaryBase: z.enum(['abs_net', 'gross']),
  /** The percentage of the budget, in hundredths of a percent (2% = 200). */
  commentaryPct: z.number().int().min(0).max(10000),
  /** The floor, in hundredths of £000 (£100,000 = 100 £000 = 10000). */
  commentaryMinimum: z.number().int().min(0),
});
export type CommentarySettings = z.infer<typeof CommentarySettingsSchema>;
export const DEFAULT_COMMENTARY_SETTINGS: CommentarySettings = { commentaryBase: 'abs_net', commentaryPct: 200, commentaryMinimum: 10000 };

export interface ServiceArea {
  /** "area:ahc:…" for a heading closed by its Total row, "line:<line key>" for a line not inside one. */
  key: string;
  directorateId: string;
  label: string;
  lineKeys: string[];
  figures: Figures;
}

export const areaKey = (dir: string, section: string, subsection: string | null) => `area:${dir}:${slug(section)}${subsection ? `:${slug(subsection)}` : ''}`;
export const lineSubject = (lineKey: string) => `line:${lineKey}`;

/** The service areas of the lines, in Appendix 1 order. */
export function serviceAreas(sections: readonly Section[], lines: readonly RevenueLine[], base: PctBase): ServiceArea[] {
  const sorted = [...lines].sort((a, b) => (a.directorateId === b.directorateId ? a.order - b.order : 0));
  const sectionOf = new Map(sections.map((s) => [`${s.directorateId}\u0000${s.name}`, s]));
  const out: ServiceArea[] = [];
  const byKey = new Map<string, ServiceArea>();
  // Each area's own lines, gathered as they are met: a large council has thousands of areas and lines.
  const members = new Map<ServiceArea, RevenueLine[]>();
  for (const l of sorted) {
    const section = sectionOf.get(`${l.directorateId}\u0000${l.section}`);
    const key = l.subsection ? areaKey(l.directorateId, l.section, l.subsection) : section?.totalLabel ? areaKey(l.directorateId, l.section, null) : lineSubject(l.key);
    const label = l.subsection ? `${l.subsection}` : section?.totalLabel ? l.section : l.label;
    let area = byKey.get(key);
    if (!area) {
      area = { key, directorateId: l.directorateId, label, lineKeys: [], figures: sumFigures([], base) };
      byKey.set(key, area);
      members.set(area, []);
      out.push(area);
    }
    area.lineKeys.push(l.key);
    members.get(area)!.push(l);
  }
  for (const a of out) a.figures = sumFigures(members.get(a)!, base);
  return out;
}

/** max(pct × |budget|, minimum), in hundredths of £000 (exact to the hundredth, rounded up). */
export function commentaryThreshold(figures: Pick<Figures, 'netBudget' | 'grossBudget'>, s: CommentarySettings): Hundredths {
  const budget = Math.abs((s.commentaryBase === 'gross' ? figures.grossBudget : figures.netBudget) ?? 0);
  const share = Number((BigInt(budget) * BigInt(s.commentaryPct) + 9999n) / 10000n);
  return Math.max(share, s.commentaryMinimum);
}

/** |variance| strictly greater than both 2% of the budget and £100k (integer arithmetic, no rounding at the edge). */
export function needsCommentary(figures: Pick<Figures, 'netBudget' | 'grossBudget' | 'forecastVariance'>, s: CommentarySettings): boolean {
  const v = figures.forecastVariance;
  if (v === null) return false;
  const abs = BigInt(Math.abs(v));
  const budget = BigInt(Math.abs((s.commentaryBase === 'gross' ? figures.grossBudget : figures.netBudget) ?? 0));
  return abs > BigInt(s.commentaryMinimum) && abs * 10000n > budget * BigInt(s.commentaryPct);
}

/** The service areas needing a commentary that have none: neither their own nor one on a line inside them. */
export function areasMissingCommentary(areas: readonly ServiceArea[], written: ReadonlySet<string>, s: CommentarySettings): ServiceArea[] {
  return areas.filter((a) => needsCommentary(a.figures, s) && !written.has(a.key) && !a.lineKeys.some((k) => written.has(lineSubject(k))));
}

/** The six figures of a commentary's box (gross, income, net, actual, variance, %), % on the box's base. */
export function boxFigures(figures: Figures, base: PctBase): Figures {
  return { ...figures, variancePct: variancePct(figures.forecastVariance, figures, base) };
}

/**
 * A commentary's text is held one paragraph or bullet per line ("- " starts a bullet), so the pack can
 * write one row per paragraph and no merged cell clips text.
 */
export type Block = { kind: 'paragraph' | 'bullet'; text: string };
export function blocksOf(body: string): Block[] {
  return body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => (/^[-•]\s+/.test(l) ? { kind: 'bullet' as const, text: l.replace(/^[-•]\s+/, '') } : { kind: 'paragraph' as const, text: l }));
}
export function bodyOf(blocks: readonly Block[]): string {
  return blocks.map((b) => (b.kind === 'bullet' ? `- ${b.text}` : b.text)).join('\n');
}
