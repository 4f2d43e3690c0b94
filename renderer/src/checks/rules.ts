import { KAD_CHECK_RULES, type Finding, type KadCheckRule } from '../../../shared/kad/checks';

/** Short names for the rules, for headings and the filter; KAD_CHECK_RULES holds the full description. */
export const RULE_TITLES: Record<KadCheckRule, string> = {
  'reported-total-mismatch': 'Reported total does not add up',
  'reported-variance-mismatch': 'Reported variance does not agree',
  'reported-dot-mismatch': 'Reported arrow does not agree',
  'spend-vs-packages': 'Spend far from packages × unit cost',
  movement: 'Large movement since last month',
  'averaging-rule': 'Effect of the averaging rule',
  'actuals-not-updated': 'Actual figures not yet updated',
  'missing-month': 'Month with no data',
  'missing-service': 'Service with no data',
};

export const RULE_ORDER = Object.keys(KAD_CHECK_RULES) as KadCheckRule[];

function isKnown(rule: string): rule is KadCheckRule {
  return rule in KAD_CHECK_RULES;
}

export function ruleTitle(rule: string): string {
  return isKnown(rule) ? RULE_TITLES[rule] : rule;
}

export function ruleDescription(rule: string): string {
  return isKnown(rule) ? KAD_CHECK_RULES[rule] : '';
}

export interface FindingGroup {
  table: string;
  serviceId: string | null;
  rules: { rule: string; findings: Finding[] }[];
  count: number;
}

/** By service (in the order the engine reports them, which is the FMR's), then by rule in KAD_CHECK_RULES order. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const byTable = new Map<string, Finding[]>();
  for (const f of findings) byTable.set(f.table, [...(byTable.get(f.table) ?? []), f]);
  return [...byTable.entries()].map(([table, list]) => {
    const rules = [...new Set(list.map((f) => f.rule))].sort((a, b) => rank(a) - rank(b));
    return {
      table,
      serviceId: list[0]?.serviceId ?? null,
      rules: rules.map((rule) => ({ rule, findings: list.filter((f) => f.rule === rule) })),
      count: list.length,
    };
  });
}

function rank(rule: string): number {
  const i = RULE_ORDER.indexOf(rule as KadCheckRule);
  return i < 0 ? RULE_ORDER.length : i;
}
