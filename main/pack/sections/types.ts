import type ExcelJS from 'exceljs';
import type { PackSettings } from '../../../shared/pack/settings';
import type { Workspace } from '../../store/workspace';

/** What every section module is given: the workbook being built and what the pack says about itself. */
export interface PackContext {
  wb: ExcelJS.Workbook;
  ws: Workspace;
  period: string;
  periodLabel: string;
  settings: PackSettings;
  reportTitle: string;
  /** The print footer every sheet carries (committee | title – period | [approval ·] Page N of M). */
  footer: string;
  /** "Approved by … on …" or "Closed without sign-off by … on …" for a closed month; null while open. */
  approval: string | null;
  /** Sheet names already used, for uniqueness (Excel compares them ignoring case). */
  sheetNames: string[];
}

/** What a section tells the contents sheet: its sheet, and the places inside it worth a link. */
export interface SectionOutline {
  id: string;
  /** As listed on the contents sheet: the section number and title. */
  number: string;
  title: string;
  sheet: string;
  /** Places inside the section worth a link: "5.1" and the table it starts → A12. */
  entries: { number: string; text: string; cell: string }[];
  /** Numeric cells written (entered figures and computed totals). */
  figures: number;
}

export interface PackSectionModule {
  /** As the area's shared declaration lists it (packSections). */
  id: string;
  build(ctx: PackContext): Promise<SectionOutline>;
}
