import type { PackSectionInfo } from '../../area';

/** Revenue's sections of the committee pack, in the FMR's order (KAD's Section 5 sits at 50). */
export const REVENUE_SECTION_IDS = { narrative: 'revenue-summary', appendix1: 'revenue-appendix-1', appendix2: 'revenue-appendix-2' } as const;
export const REVENUE_PACK_SECTIONS: readonly PackSectionInfo[] = [
  { id: REVENUE_SECTION_IDS.narrative, title: 'Revenue Executive Summary', label: 'Sections 1 and 2 Revenue Executive Summary (1.1 overall position, 1.2 summary tables, 1.3 significant issues, 2 capital summary)', order: 10 },
  { id: REVENUE_SECTION_IDS.appendix1, title: 'Appendix 1 Detailed Financial Information', label: 'Appendix 1 Detailed Financial Information (1a, 1b)', order: 60 },
  { id: REVENUE_SECTION_IDS.appendix2, title: 'Appendix 2 Service Commentaries on Forecast Outturn Position', label: 'Appendix 2 Service Commentaries (2a, 2b)', order: 61 },
];
