import type { ComponentType, ReactNode } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import type { CellRef } from '../grid/types';

/**
 * What an area adds to the renderer: its page, print
 * sections, settings and help. Areas are listed once, in renderer/src/areas/index.ts; the shell, the
 * print frame and the Settings and Help pages ask that registry and never name an area. The area's
 * name comes from its shared side (shared/areas), so the nav, messages and findings agree.
 */

/** A page's own address parameters besides the page and the month, such as which table it shows. */
export type PageParams = Readonly<Record<string, string>>;

/** What the shell gives an area's page. */
export interface AreaPageProps {
  /** The toolbar's month. */
  period: PeriodInfo;
  /** Every month of the workspace, with the areas holding figures in each. */
  months: readonly PeriodInfo[];
  /** The page's parameters as the address holds them (only those the area declares). */
  params: PageParams;
  /** Changes parameters of the page (merged into the current ones); the shell writes them into the address. */
  onParamsChange: (params: PageParams) => void;
  /** Bumped by the shell when everything must be fetched again (undo, redo, import, demo reset). */
  reloadKey: number;
  /** Why nothing can be written (read-only workspace), or null. */
  workspaceLock: string | null;
  /** The CSP nonce, for AG Grid's injected styles. */
  styleNonce: string | undefined;
  /** The cell the last refusal was about, when it belongs to the table now on screen. */
  invalid: CellRef | null;
  /** A change was saved: the shell refreshes the history, the checks and the status line. */
  onSaved: () => void;
  /** A change was refused: the shell shows the message and marks the cell. */
  onRefused: (message: string, cell: CellRef) => void;
}

export interface AreaPage {
  component: ComponentType<AreaPageProps>;
  /** The parameters the page keeps in the address, in the order written there. */
  params: readonly string[];
}

/** A further page of an area: its id in the address (unique among pages) and its name in the nav. */
export interface AreaMorePage {
  id: string;
  name: string;
  page: AreaPage;
}

/** What the print frame gives a section while laying out the pack. */
export interface PrintContext {
  period: string;
  /** "August 2023". */
  periodLabel: string;
}

/** One line of the print view's contents page, with the tables under it. */
export interface ContentsEntry {
  /** As printed before the title: "5", "5.1". */
  number: string;
  title: string;
  /** The id of the element the line links to. */
  anchor: string;
  entries: readonly ContentsEntry[];
}

/** A pack section fetched and ready to lay out. */
export interface PrintedSection {
  contents: ContentsEntry;
  /** The section as printed; `topLevel` when the pack has no cover, so its heading is the page's h1. */
  render(topLevel: boolean): ReactNode;
}

/** Fetches what a section prints for a month (tables, charts drawn as images). */
export type PrintSectionLoader = (ctx: PrintContext) => Promise<PrintedSection>;

/** What the Settings page gives each area's settings. */
export interface AreaSettingsProps {
  period: PeriodInfo;
  months: readonly PeriodInfo[];
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
  /** Bumped by the shell after any change, undo or reset: everything is fetched again. */
  reloadKey: number;
  /** A change was saved: the shell reloads the months, history and pages and shows the message. */
  onChanged: (message: string) => void;
}

export interface RendererArea {
  /** The id of its shared area (shared/areas), whose name the nav and pages use. */
  id: string;
  /** Its page in the nav, where figures are edited. */
  page: AreaPage;
  /** Further pages of the area (a register kept beside its figures), each in the nav after its main page. */
  morePages?: readonly AreaMorePage[];
  /** Its committee pack sections in the print view, by pack section id (shared/pack/sections). */
  print: Readonly<Record<string, PrintSectionLoader>>;
  /** Its part of the Settings page (h2 headings), if it has settings. */
  settings?: ComponentType<AreaSettingsProps>;
  /** Its part of the Help page (h3 headings under the area's name). */
  help?: ComponentType;
  /** Each of its check rules' threshold in words, for the Help page's table of checks. */
  checkThresholds?: Readonly<Record<string, string>>;
  /** What rolling a month forward does to its figures, for the confirm dialog. */
  rollForwardNote?: string;
}

export function defineRendererArea(area: RendererArea): RendererArea {
  return area;
}
