import { UserError } from '../../../shared/api/errors';
import type { CapitalTable } from '../../../shared/areas/capital/api';
import { CapitalSettingsSchema, DEFAULT_CAPITAL_SETTINGS, type CapitalSettings } from '../../../shared/areas/capital/checks';
import { capitalTarget } from '../../../shared/areas/capital/ids';
import { FUNDING_FIELDS, SCHEME_FIELDS, type FundingField, type SchemeField } from '../../../shared/areas/capital/model';
import { capitalSummary, capitalVariation, fundingTotals, fundingVariance, schemeTotals, significantVariances, withVariation } from '../../../shared/areas/capital/rules';
import { keyFor } from '../../../shared/keys';
import { financialYearOf, monthLabel } from '../../../shared/periods';
import { formatValue, type Hundredths } from '../../../shared/units';
import { frozenSettings } from '../../store/frozen';
import { getSettings, setSetting } from '../../store/settings';
import type { Channel, Workspace } from '../../store/workspace';
import { FUNDING_COLUMNS, hasCapital, listFunding, listSchemes, SCHEME_COLUMNS } from './repository';
import { requirePeriod } from '../../store/periods';

/** The capital page's table for a month, every change to it, and its one setting. */
const PREFIX = 'capital.';

export function capitalSettings(ws: Workspace, period?: string): CapitalSettings {
  const frozen = period ? frozenSettings(ws, period) : new Map<string, string>();
  const stored = frozen.size ? Object.fromEntries([...frozen].filter(([k]) => k.startsWith(PREFIX)).map(([k, v]) => [k.slice(PREFIX.length), v])) : getSettings(ws, PREFIX);
  const parsed = CapitalSettingsSchema.safeParse({ ...DEFAULT_CAPITAL_SETTINGS, ...Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, Number(v)])) });
  return parsed.success ? parsed.data : DEFAULT_CAPITAL_SETTINGS;
}

export function freezeCapital(ws: Workspace): Record<string, string> {
  return Object.fromEntries(Object.entries(capitalSettings(ws)).map(([k, v]) => [PREFIX + k, String(v)]));
}

export function updateCapitalSettings(ws: Workspace, changes: Partial<CapitalSettings>, channel: Channel): CapitalSettings {
  const next = CapitalSettingsSchema.safeParse({ ...capitalSettings(ws), ...changes });
  if (!next.success) throw new UserError('invalid_input', `That setting cannot be saved: ${next.error.issues.map((i) => i.message).join('; ')}.`);
  const now = capitalSettings(ws);
  if (next.data.significantVariance !== now.significantVariance) {
    ws.write({ channel, label: `Capital: a variance over £${next.data.significantVariance}k is significant` }, () => setSetting(ws, `${PREFIX}significantVariance`, String(next.data.significantVariance)));
  }
  return capitalSettings(ws);
}

const k = (v: Hundredths) => `£${formatValue(v, 'gbp_000')}k`;
const fyWords = (period: string) => financialYearOf(period).replace('-', '/');

/** The Capital Variation Budget rule in the words of section 2. */
export function variationMessage(v: ReturnType<typeof capitalVariation>, period: string): string {
  const fy = fyWords(period);
  if (!v.exceeded) {
    return `The level of slippage and underspend in ${fy} is currently anticipated to be ${k(v.slippage)} and as such has not yet exceeded the Capital Variation Budget of ${k(v.budget)}. A forecast outturn will not be reported unless this happens.`;
  }
  return `Slippage and underspend of ${k(v.slippage)} in ${fy} has exceeded the Capital Variation Budget of ${k(v.budget)}: a forecast outturn variance of ${formatValue(v.outturn, 'gbp_000')} (£000) is reported.`;
}

export function capitalTable(ws: Workspace, period: string): CapitalTable {
  requirePeriod(ws, period);
  const schemes = listSchemes(ws, period);
  const funding = listFunding(ws, period);
  const settings = capitalSettings(ws, period);
  const v = capitalVariation(schemes);
  const closed = ws.closedReason(period);
  return {
    period,
    periodLabel: monthLabel(period),
    fyLabel: fyWords(period),
    held: hasCapital(ws, period),
    lockedReason: ws.readOnly ? ws.readOnlyReason : closed ? `${closed}.` : null,
    schemes: withVariation(schemes),
    funding: funding.map((f) => ({ ...f, variance: fundingVariance(f) })),
    schemeTotals: schemeTotals(schemes),
    fundingTotals: fundingTotals(funding),
    summary: { category: 'Adults, Health and Commissioning capital schemes', ...capitalSummary(schemes) },
    variation: { budget: v.budget, slippage: v.slippage, exceeded: v.exceeded, message: variationMessage(v, period) },
    significant: significantVariances(schemes, Math.round(settings.significantVariance * 100)).map((s) => ({ scheme: s.scheme.name, field: s.field, value: s.value })),
    settings,
  };
}

type Cell = { table: 'schemes'; key: string; field: SchemeField; value: Hundredths | null } | { table: 'funding'; key: string; field: FundingField; value: Hundredths | null };

/** Typed or pasted figures, as one audited, undoable step; every cell checked first, nothing saved if any is refused. */
export function setCapitalCells(ws: Workspace, input: { period: string; cells: Cell[] }, channel: Channel): CapitalTable {
  const { period } = input;
  const schemes = new Map(listSchemes(ws, period).map((s) => [s.key, s]));
  const funding = new Map(listFunding(ws, period).map((f) => [f.key, f]));
  const fy = fyWords(period);
  const problems: string[] = [];
  const changes: (Cell & { old: Hundredths | null; name: string; header: string })[] = [];
  for (const c of input.cells) {
    const line = c.table === 'schemes' ? schemes.get(c.key) : funding.get(c.key);
    if (!line) {
      problems.push(`there is no ${c.table === 'schemes' ? 'scheme' : 'funding source'} "${c.key}" in ${monthLabel(period)}`);
      continue;
    }
    const header = c.table === 'schemes' ? SCHEME_FIELDS.find((x) => x.key === c.field)!.header(fy) : FUNDING_FIELDS.find((x) => x.key === c.field)!.header(fy);
    if (c.table === 'schemes' && c.field === 'yearForecastVariance' && (line as { isVariation: boolean }).isVariation) {
      problems.push(`${line.name} · ${header}: the Capital variations line takes up the slippage by the rule; it is not typed`);
      continue;
    }
    const old = (line as unknown as Record<string, Hundredths | null>)[c.field] ?? null;
    if (old !== c.value) changes.push({ ...c, old, name: line.name, header });
  }
  if (problems.length) throw new UserError('invalid_input', `Capital, ${monthLabel(period)}: ${problems.join('; ')}. Nothing was saved.`);
  if (changes.length) {
    const first = changes[0]!;
    const show = (v: Hundredths | null) => (v === null ? 'blank' : formatValue(v, 'gbp_000'));
    const label = changes.length === 1 ? `Capital ${first.name}, ${first.header}: ${show(first.old)} → ${show(first.value)} (${monthLabel(period)})` : `Change ${changes.length} capital figures (${monthLabel(period)})`;
    ws.write({ channel, label, period, target: capitalTarget(period), undoable: true }, () => {
      for (const c of changes) {
        if (c.table === 'schemes') ws.db.prepare(`UPDATE capital_schemes SET ${SCHEME_COLUMNS[c.field]} = ? WHERE period = ? AND scheme_key = ?`).run(c.value, period, c.key);
        else ws.db.prepare(`UPDATE capital_funding SET ${FUNDING_COLUMNS[c.field]} = ? WHERE period = ? AND source_key = ?`).run(c.value, period, c.key);
      }
    });
  }
  return capitalTable(ws, period);
}

export function addCapitalLine(ws: Workspace, input: { period: string; table: 'schemes' | 'funding'; name: string; committee: string | null }, channel: Channel): CapitalTable {
  const { period } = input;
  const existing = input.table === 'schemes' ? listSchemes(ws, period) : listFunding(ws, period);
  if (existing.some((l) => l.name.toLowerCase() === input.name.toLowerCase())) throw new UserError('invalid_input', `Capital already lists "${input.name}" in ${monthLabel(period)}.`);
  const key = keyFor(input.name, new Set(existing.map((l) => l.key)));
  const what = input.table === 'schemes' ? 'scheme' : 'funding source';
  ws.write({ channel, label: `Add the capital ${what} ${input.name} (${monthLabel(period)})`, period, target: capitalTarget(period), undoable: true }, () => {
    if (input.table === 'schemes') {
      ws.db
        .prepare('INSERT INTO capital_schemes (period, scheme_key, committee, name, sort_order) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM capital_schemes WHERE period = ?))')
        .run(period, key, input.committee, input.name, period);
    } else {
      ws.db.prepare('INSERT INTO capital_funding (period, source_key, name, sort_order) VALUES (?, ?, ?, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM capital_funding WHERE period = ?))').run(period, key, input.name, period);
    }
  });
  return capitalTable(ws, period);
}

export function removeCapitalLine(ws: Workspace, input: { period: string; table: 'schemes' | 'funding'; key: string }, channel: Channel): CapitalTable {
  const { period } = input;
  const line = (input.table === 'schemes' ? listSchemes(ws, period) : listFunding(ws, period)).find((l) => l.key === input.key);
  if (!line) throw new UserError('not_found', `Capital has no line "${input.key}" in ${monthLabel(period)}.`);
  ws.write({ channel, label: `Remove the capital ${input.table === 'schemes' ? 'scheme' : 'funding source'} ${line.name} (${monthLabel(period)})`, period, target: capitalTarget(period), undoable: true }, () => {
    if (input.table === 'schemes') ws.db.prepare('DELETE FROM capital_schemes WHERE period = ? AND scheme_key = ?').run(period, line.key);
    else ws.db.prepare('DELETE FROM capital_funding WHERE period = ? AND source_key = ?').run(period, line.key);
  });
  return capitalTable(ws, period);
}
