import type { z } from 'zod';

/**
 * What an area declares on the shared side: its API
 * methods, committee pack sections and check rules. Areas are listed once, in shared/areas/index.ts;
 * generic code reads them only through that registry and never names one.
 */
export type ApiSpec = Readonly<Record<string, { readonly input: z.ZodType; readonly output: z.ZodType }>>;

export interface PackSectionInfo {
  /** Stable id, as `outturn export --sections` takes it. */
  id: string;
  title: string;
  /** As the app's export page lists it: "Section 4 Savings Tracker". */
  label: string;
  /** Where the section sits in the printed pack (the FMR's order): lower first. */
  order: number;
}

export interface CheckRule {
  /** As a heading names it: "Reported total does not add up". */
  title: string;
  description: string;
}

export interface SharedArea<A extends ApiSpec = ApiSpec> {
  /** Stable id: prefixes the area's methods ("<id>.table"), settings and reported values. */
  id: string;
  /** As the nav, messages and the audit trail name it. */
  name: string;
  api: A;
  packSections: readonly PackSectionInfo[];
  /** Check rule id → its short title and what it means, for the Checks page and `outturn check`. */
  checkRules: Readonly<Record<string, CheckRule>>;
}

/** Where in the app something lives (a finding, an undone step): the area's page and its parameters. */
export interface Target {
  area: string;
  params: Record<string, string>;
}

export function defineSharedArea<A extends ApiSpec>(area: SharedArea<A>): SharedArea<A> {
  for (const method of Object.keys(area.api)) {
    if (!method.startsWith(`${area.id}.`)) throw new Error(`${area.name}: method ${method} must start with "${area.id}."`);
  }
  return area;
}
