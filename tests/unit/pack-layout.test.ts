import { describe, expect, it } from 'vitest';
import { kadPackBand, kadPackCaption, kadPackColumns } from '../../shared/areas/kad/pack-layout';
import { isPackSectionId, packSectionIds } from '../../shared/pack/sections';
import { defaultReportTitle, formatMeetingDate, PackSettingsSchema, reportTitleFor } from '../../shared/pack/settings';
import { isValidSheetName, sheetLink, uniqueSheetName } from '../../shared/pack/sheet-names';

describe('sheet names', () => {
  it('keeps a valid name as it is', () => {
    expect(uniqueSheetName('5 Key Activity Data', [])).toBe('5 Key Activity Data');
    expect(isValidSheetName('5 Key Activity Data')).toBe(true);
  });

  it('replaces the characters Excel refuses and cuts to 31 characters', () => {
    const name = uniqueSheetName('Appendix 1: Budget [2023/24] *draft*?\\', []);
    expect(name).toBe('Appendix 1 Budget 2023 24 draft');
    expect(name.length).toBeLessThanOrEqual(31);
    expect(isValidSheetName(name)).toBe(true);
    expect(uniqueSheetName('x'.repeat(40), [])).toHaveLength(31);
  });

  it('never repeats a name, ignoring case, and stays within 31 characters with the suffix', () => {
    expect(uniqueSheetName('Contents', ['contents'])).toBe('Contents (2)');
    expect(uniqueSheetName('Contents', ['Contents', 'Contents (2)'])).toBe('Contents (3)');
    const long = 'L'.repeat(31);
    const second = uniqueSheetName(long, [long]);
    expect(second).toHaveLength(31);
    expect(second.endsWith(' (2)')).toBe(true);
  });

  it('refuses apostrophes at the ends, blanks and the reserved name History', () => {
    expect(uniqueSheetName("'Quoted'", [])).toBe('Quoted');
    expect(uniqueSheetName('   ', [])).toBe('Sheet');
    expect(isValidSheetName('History')).toBe(false);
    expect(isValidSheetName(uniqueSheetName('History', []))).toBe(true);
    expect(isValidSheetName("'a")).toBe(false);
    expect(isValidSheetName('a'.repeat(32))).toBe(false);
  });

  it('links to a cell of a sheet, doubling apostrophes in its name', () => {
    expect(sheetLink('5 Key Activity Data')).toBe("#'5 Key Activity Data'!A1");
    expect(sheetLink("Officer's notes", 'B4')).toBe("#'Officer''s notes'!B4");
  });
});

describe('Section 5 layout', () => {
  it('numbers each caption by its place and gives it the period’s month', () => {
    const ldp = '5.1 Key activity data at the end of August 2023 for Learning Disability Partnership is shown below:';
    expect(kadPackCaption(ldp, 0, '2023-08')).toBe(ldp);
    expect(kadPackCaption(ldp, 2, '2023-09')).toBe('5.3 Key activity data at the end of September 2023 for Learning Disability Partnership is shown below:');
    expect(kadPackCaption('Key activity data at the end of March 2024 for Autism is shown below:', 5, '2024-01')).toBe('5.6 Key activity data at the end of January 2024 for Autism is shown below:');
  });

  it('heads the columns as published, with the financial year on the expected packages', () => {
    expect(kadPackColumns('2023-08').map((c) => c.header)).toEqual([
      'Service Type', 'Expected No. of Care Packages 2023/24', 'Budgeted Average Unit Cost (per week)', 'Annual Budget', 'Current Care Packages', 'DoT',
      'Current Average Unit Cost (per week)', 'DoT', 'Total spend/ income', 'DoT', 'Variance',
    ]);
    expect(kadPackColumns('2024-02')[1]!.header).toBe('Expected No. of Care Packages 2023/24');
    expect(kadPackBand('Autism', '2023-08')).toEqual([
      { text: 'Autism', from: 0, to: 0 },
      { text: 'BUDGET', from: 1, to: 3 },
      { text: 'ACTUAL (August 2023)', from: 4, to: 7 },
      { text: 'Outturn', from: 8, to: 10 },
    ]);
  });

  it('knows its sections', () => {
    expect(packSectionIds()).toEqual(['contents', 'revenue-summary', 'kad', 'revenue-appendix-1', 'revenue-appendix-2', 'capital', 'reserves']);
    expect(isPackSectionId('kad')).toBe(true);
    expect(isPackSectionId('appendix-9')).toBe(false);
  });
});

describe('pack settings', () => {
  it('builds the report title from the period when none is set', () => {
    expect(defaultReportTitle('2023-08')).toBe('Finance Monitoring Report – August 2023/24');
    expect(defaultReportTitle('2024-01')).toBe('Finance Monitoring Report – January 2023/24');
    expect(reportTitleFor({ reportTitle: '' }, '2023-08')).toBe('Finance Monitoring Report – August 2023/24');
    expect(reportTitleFor({ reportTitle: 'Quarter 1 pack' }, '2023-08')).toBe('Quarter 1 pack');
  });

  it('writes the meeting date as the FMR does', () => {
    expect(formatMeetingDate('2023-10-05')).toBe('5 October 2023');
    expect(formatMeetingDate('')).toBe('');
  });

  it('accepts one line of text and real dates only', () => {
    const ok = { councilName: 'Council', committee: '', reportTitle: '', meetingDate: '2024-02-29', author: '' };
    expect(PackSettingsSchema.safeParse(ok).success).toBe(true);
    expect(PackSettingsSchema.safeParse({ ...ok, meetingDate: '2023-02-29' }).success).toBe(false);
    expect(PackSettingsSchema.safeParse({ ...ok, meetingDate: '5 October 2023' }).success).toBe(false);
    expect(PackSettingsSchema.safeParse({ ...ok, committee: 'Two\nlines' }).success).toBe(false);
    expect(PackSettingsSchema.safeParse({ ...ok, councilName: '  ' }).success).toBe(false);
    expect(PackSettingsSchema.parse({ ...ok, committee: '  Adults  ' }).committee).toBe('Adults');
  });
});
