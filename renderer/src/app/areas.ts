export type AreaId = 'kad' | 'checks' | 'import' | 'backups' | 'revenue' | 'savings' | 'reserves' | 'pack' | 'settings' | 'help';

export interface Area {
  id: AreaId;
  name: string;
  /** For areas not built yet: what the page will hold and when it arrives. */
  comingSoon?: { holds: string; arrives: string };
}

export const AREAS: readonly Area[] = [
  { id: 'kad', name: 'Key Activity Data' },
  // Beside KAD because its findings are about the month on screen; the nav shows their count.
  { id: 'checks', name: 'Checks' },
  // Import brings figures in; Backups holds the snapshot taken before each import (the Electron menu opens it as #area=backups).
  { id: 'import', name: 'Import' },
  { id: 'backups', name: 'Backups' },
  {
    id: 'revenue',
    name: 'Revenue',
    comingSoon: {
      holds: 'Appendix 1 budget lines for Adults, Health and Commissioning and for Public Health, with budget, actual to date and forecast outturn variance, the section 1.2 summary and the Appendix 2 commentaries.',
      arrives: 'Arrives with revenue monitoring, which also brings closing and reopening a month.',
    },
  },
  {
    id: 'savings',
    name: 'Savings',
    comingSoon: {
      holds: 'The quarterly savings tracker (Appendix 4): each saving with its planned and forecast delivery and its RAG rating.',
      arrives: 'Arrives with the savings tracker; Quarter 1 2023-24 is published in the August 2023 report.',
    },
  },
  {
    id: 'reserves',
    name: 'Reserves',
    comingSoon: {
      holds: 'Earmarked reserves from the technical appendix (Appendix 5): opening balance, movements in the year and forecast closing balance, with grants and virements.',
      arrives: 'Arrives with the technical appendix.',
    },
  },
  // The workbook export and the print view (#area=print, renderer/src/print/) for the toolbar's month.
  { id: 'pack', name: 'Committee pack' },
  { id: 'settings', name: 'Settings' },
  { id: 'help', name: 'Help' },
];
