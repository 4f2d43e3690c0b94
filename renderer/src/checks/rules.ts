import { sharedArea, sharedAreas } from '../../../shared/areas';
import type { CheckRule } from '../../../shared/area';
import type { Finding } from '../../../shared/checks';

/** Every area's check rules, in registry order then each area's own order: the Checks page's order. */
function allRules(): [string, CheckRule][] {
  return sharedAreas().flatMap((a) => Object.entries(a.checkRules));
}

function rule(id: string): CheckRule | undefined {
  return allRules().find(([r]) => r === id)?.[1];
}

export function ruleTitle(id: string): string {
  return rule(id)?.title ?? id;
}

export function ruleDescription(id: string): string {
  return rule(id)?.description ?? '';
}

export interface FindingGroup {
  table: string;
  area: string;
  /** The page the table's findings open. */
  target: Finding['target'];
  rules: { rule: string; findings: Finding[] }[];
  count: number;
}

/** By table (in the order the engines report them, which is the FMR's), then by rule in the areas' order. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const order = allRules().map(([r]) => r);
  const rank = (r: string) => (order.indexOf(r) < 0 ? order.length : order.indexOf(r));
  const byTable = new Map<string, Finding[]>();
  for (const f of findings) byTable.set(`${f.area}|${f.table}`, [...(byTable.get(`${f.area}|${f.table}`) ?? []), f]);
  return [...byTable.values()].map((list) => {
    const rules = [...new Set(list.map((f) => f.rule))].sort((a, b) => rank(a) - rank(b));
    return {
      table: list[0]!.table,
      area: list[0]!.area,
      target: list.find((f) => f.target)?.target ?? null,
      rules: rules.map((r) => ({ rule: r, findings: list.filter((f) => f.rule === r) })),
      count: list.length,
    };
  });
}

/** Table groups under their area, areas in the registry's order (an area no longer registered last, by its id). */
export function byArea(groups: readonly FindingGroup[]): { area: string; name: string; groups: FindingGroup[] }[] {
  const order = sharedAreas().map((a) => a.id);
  const rank = (id: string) => (order.indexOf(id) < 0 ? order.length : order.indexOf(id));
  const ids = [...new Set(groups.map((g) => g.area))].sort((a, b) => rank(a) - rank(b));
  return ids.map((area) => ({ area, name: sharedArea(area)?.name ?? area, groups: groups.filter((g) => g.area === area) }));
}
