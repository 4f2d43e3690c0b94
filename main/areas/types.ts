import type { z } from 'zod';
import type { ApiSpec, SharedArea } from '../../shared/area';
import type { RawFinding } from '../../shared/checks';
import type { CallContext } from '../api/handlers';
import type { ImportSpec } from '../import/spec';
import type { TemplateSheets } from '../import/template';
import type { PackSectionModule } from '../pack/sections/types';
import type { TableSpec } from '../store/tables';
import type { Workspace } from '../store/workspace';

/**
 * Everything an area adds to Outturn, on the main side: its methods, tables, migrations, period hooks,
 * import layouts, pack sections, checks, demo data and commands. Areas are listed once, in
 * main/areas/index.ts; the generic engines ask the registry and never name an area.
 */
export interface AreaHost {
  /** The open workspace (it changes when a backup is restored or the demo reset). */
  readonly ws: Workspace;
}

export type AreaHandlers<A extends ApiSpec> = {
  [K in keyof A]: (input: z.output<A[K]['input']>, ctx: CallContext) => z.output<A[K]['output']> | Promise<z.output<A[K]['output']>>;
};

/** An extra `outturn <name>` command the area brings. */
export interface CliCommand {
  name: string;
  /** Lines for `outturn --help`: usage, then what it does. */
  help: string;
  run(args: readonly string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number>;
}

export interface MainArea<A extends ApiSpec = ApiSpec> {
  shared: SharedArea<A>;
  /** Every table the area's migrations create, registered once: triggers are generated from these. */
  tables: readonly TableSpec[];
  /** The area's own numbered migrations (NNNN_name.sql), in one global order with everyone else's. */
  migrationsDir: string;
  handlers(host: AreaHost): AreaHandlers<A>;
  /** Period hooks. */
  hasData(ws: Workspace, period: string): boolean;
  /** Creates `to`'s figures from `from`'s; called inside the month's roll-forward transaction. */
  rollForward?(ws: Workspace, from: string, to: string): void;
  /**
   * Inside the close transaction of `closed`, when `next` (the month after) already holds the area's
   * figures: refresh whatever of `next` is taken from the month before (previous-month columns), since
   * the closed month's figures are now final. Areas that compute such columns when read need not.
   */
  refreshFromPrevious?(ws: Workspace, closed: string, next: string): void;
  /**
   * The settings that shape a month's figures (averaging rules, thresholds, flags), by key, to freeze
   * with the month when it closes; the area reads them back for a closed month (core frozenSettings).
   */
  freeze?(ws: Workspace, period: string): Record<string, string>;
  /** Inside the close transaction, before the month is marked closed: what closing means to the area (a quarter's snapshot…). */
  closing?(ws: Workspace, period: string): void;
  /** Inside the reopen transaction, once the month is open again: undo what `closing` made final. */
  reopened?(ws: Workspace, period: string): void;
  /**
   * The year-end rollover (main/core/year-end.ts), inside its transaction once the next financial year's
   * months exist: open the new year from the old one's final figures (balances brought forward). Returns
   * plain lines for the officer's summary. Budgets are not carried: they await the new Business Plan.
   */
  yearEnd?(ws: Workspace, fromYear: string, toYear: string): string[];
  /** Before the rollover: what the area will carry into the new year, or offer for it, in plain lines. */
  yearEndPreview?(ws: Workspace, fromYear: string, toYear: string): string[];
  checks?(ws: Workspace, period: string): RawFinding[];
  /** Plain-English lines on what of the month is not ready for the pack (figures still carried forward…). */
  notReady?(ws: Workspace, period: string): string[];
  imports?: readonly ImportSpec[];
  pack?: readonly PackSectionModule[];
  /** The area's sheets of "Download template" for a month, empty or filled. */
  template?(ws: Workspace, period: string, filled: boolean): TemplateSheets;
  /** Writes the demo's figures; called inside the demo seed's transaction. */
  demo?(ws: Workspace): void;
  cli?: readonly CliCommand[];
}

export function defineArea<A extends ApiSpec>(area: MainArea<A>): MainArea<A> {
  return area;
}
