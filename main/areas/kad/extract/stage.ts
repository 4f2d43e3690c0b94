import type { ExtractAggregator, ExtractMonth } from '../../../../shared/areas/kad/extract/aggregate';
import { monthOfDay } from '../../../../shared/areas/kad/extract/days';
import { CARE_CONTRIBUTIONS_KEY } from '../../../../shared/areas/kad/model';
import { financialYearOf, monthLabel, monthsOfRange, type MonthRange } from '../../../../shared/periods';
import { monthRuns } from '../../../../shared/import/new-months';
import { formatValue } from '../../../../shared/units';
import type { ImportNote, ImportOptions } from '../../../import/spec';
import type { ImportSink } from '../../../import/types';
import type { Workspace } from '../../../store/workspace';
import { listServiceTypes } from '../repository';
import { KAD_EXTRACT_SPEC_ID } from '../import/staged';

/** Most months one extract is worked out for (ten years). */
const MAX_MONTHS = 120;

/**
 * Without --months: April of the year before the latest month Key Activity Data holds, to that month
 * (the FMR's charts: "Apr 22 – Aug 23"); in a workspace holding none, to the month of the latest element.
 */
export function defaultMonths(ws: Workspace, agg: ExtractAggregator): MonthRange | null {
  const latest = ws.db.prepare('SELECT MAX(period) FROM kad_lines').pluck().get() as string | null;
  const range = agg.startRange();
  const to = latest ?? (range ? monthOfDay(range.last) : null);
  if (!to) return null;
  const fyStart = Number(financialYearOf(to).slice(0, 4));
  return { from: `${fyStart - 1}-04`, to };
}

interface Held {
  period: string;
  service: string;
  inUse: Set<string>;
}

/**
 * Stages each month's figures per service, one table per month and service, through the import's sink
 * (aggregates only). A month already held compares its lines in use with the extract's; a month not held
 * yet takes the lines of the month it will be rolled forward from, or failing that every type the
 * service has in the extract. Closed months are left alone and said so.
 */
export function stageExtract(ws: Workspace, agg: ExtractAggregator, at: { sheet: string; options: ImportOptions; sink: ImportSink }): ImportNote[] {
  const notes: ImportNote[] = [];
  const range = at.options.months ?? defaultMonths(ws, agg);
  if (!range || !agg.elements) return [{ text: 'The extract holds no care-package elements Outturn could count.' }];
  const months = monthsOfRange(range);
  if (months.length > MAX_MONTHS) {
    at.sink.problem({ sheet: null, cell: null, value: null, reason: `covers ${months.length} months (--months ${range.from}..${range.to}); Outturn works out at most ${MAX_MONTHS} months from one extract` });
    return notes;
  }
  const closed = new Set(ws.db.prepare(`SELECT id FROM periods WHERE status = 'closed'`).pluck().all() as string[]);
  const closedAsked = months.filter((x) => closed.has(x));
  if (closedAsked.length === 1) notes.push({ text: `${monthLabel(closedAsked[0]!)} is closed: its figures were left as they are.` });
  else if (closedAsked.length) notes.push({ text: `${monthRuns(closedAsked)} are closed: their figures were left as they are.` });
  const computed = agg.compute(months.filter((m) => !closed.has(m)));
  stageMonths(ws, computed, at, notes);
  return notes;
}

export function stageMonths(ws: Workspace, computed: readonly ExtractMonth[], at: { sheet: string; sink: ImportSink }, notes: ImportNote[]): void {
  const services = ws.db.prepare('SELECT id, name, from_period FROM kad_services ORDER BY sort_order').all() as { id: string; name: string; from_period: string | null }[];
  const known = new Set(services.map((s) => s.id));
  const types = listServiceTypes(ws);
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  const last = computed.at(-1)?.month ?? '';
  const held = new Map<string, Held>();
  for (const r of ws.db.prepare(`SELECT period, service_id, line_key, in_use FROM kad_lines WHERE period <= ? ORDER BY period`).all(last) as { period: string; service_id: string; line_key: string; in_use: number }[]) {
    const key = `${r.period}|${r.service_id}`;
    let h = held.get(key);
    if (!h) held.set(key, (h = { period: r.period, service: r.service_id, inUse: new Set() }));
    if (r.in_use && r.line_key !== CARE_CONTRIBUTIONS_KEY) h.inUse.add(r.line_key);
  }
  const heldMonths = (service: string) => [...held.values()].filter((h) => h.service === service).map((h) => h.period);
  const anywhere = new Map<string, Set<string>>();
  for (const m of computed) for (const s of m.services) for (const l of s.lines) (anywhere.get(s.serviceId) ?? anywhere.set(s.serviceId, new Set()).get(s.serviceId)!).add(l.typeId);
  const unknownServices = new Set<string>();
  let row = 0;
  for (const m of computed) {
    for (const s of m.services) if (!known.has(s.serviceId)) unknownServices.add(s.serviceId);
    for (const service of services) {
      if (service.from_period && service.from_period > m.month) continue;
      const figures = m.services.find((s) => s.serviceId === service.id);
      const base = held.get(`${m.month}|${service.id}`) ?? held.get(`${heldMonths(service.id).filter((p) => p < m.month).at(-1)}|${service.id}`);
      const inUse = base ? base.inUse : (anywhere.get(service.id) ?? new Set<string>());
      const tableId = `${m.month}|${service.id}`;
      at.sink.table({ id: tableId, spec: KAD_EXTRACT_SPEC_ID, sheet: at.sheet, row: 1, layout: 'records', period: m.month, subjectId: service.id, subjectName: service.name });
      for (const t of types) {
        const line = figures?.lines.find((l) => l.typeId === t.id);
        if (!inUse.has(t.id)) {
          if (line && (line.packages || line.committedK)) {
            notes.push({
              text: `${service.name}, ${monthLabel(m.month)}: ${formatValue(line.packages, 'count')} ${t.name} packages (committed ${formatValue(line.committedK, 'gbp_k')}) were not brought in: ${service.name} does not use ${t.name} that month (greyed out); bring the type back in Settings first.`,
            });
          }
          continue;
        }
        at.sink.line({
          tableId,
          sheet: at.sheet,
          row: ++row,
          lineKey: t.id,
          label: typeName.get(t.id) ?? t.id,
          values: { currentPackages: line?.packages ?? 0, currentUnitCost: line?.unitCost ?? null, committedK: line?.committedK ?? 0 },
          cells: {},
        });
      }
      at.sink.line({ tableId, sheet: at.sheet, row: ++row, lineKey: CARE_CONTRIBUTIONS_KEY, label: 'Care Contributions', values: { committedK: figures?.contributionsK ?? 0 }, cells: {} });
    }
  }
  for (const s of unknownServices) notes.push({ text: `Packages counted under "${s}" were not brought in: this workspace has no such service (see the support reason mapping in Settings).` });
}
