import { describe, expect, it } from 'vitest';
import { footerTitle } from '../../main/pack/build';
import { escapeHeaderFooter, FONTS, FONT_NAME, footerText, numberFormat, printableRowHeight, wrappedHeight } from '../../main/pack/theme';
import { KAD_COLUMN_WIDTHS } from '../../main/areas/kad/pack/widths';
import { formatValue, toHundredths } from '../../shared/units';

/** Excel's display of a number through a format made of sections, quoted text and #,##0 (the pack's formats). */
function display(value: number, fmt: string): string {
  const sections = fmt.split(';');
  const section = value < 0 && sections[1] ? sections[1] : value === 0 && sections[2] ? sections[2] : sections[0]!;
  const magnitude = value < 0 && sections[1] ? Math.abs(value) : value;
  return section.replace(/"([^"]*)"|#,##0/g, (_m, text: string | undefined) => {
    if (text !== undefined) return text;
    const rounded = Math.sign(magnitude) * Math.round(Math.abs(magnitude));
    return (rounded < 0 ? '-' : '') + Math.abs(rounded).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  });
}

describe('number formats', () => {
  it('are the formats the conventions give, character for character', () => {
    expect({ count: numberFormat('count'), gbp_week: numberFormat('gbp_week'), gbp_k: numberFormat('gbp_k') }).toEqual({ count: '#,##0', gbp_week: '"£"#,##0;-"£"#,##0', gbp_k: '"£"#,##0"k";-"£"#,##0"k";"£k"' });
  });

  it.each([
    ['count', 245, '245'],
    ['count', 1547, '1,547'],
    ['count', 0, '0'],
    ['gbp_week', 2271, '£2,271'],
    ['gbp_week', 2229.91, '£2,230'],
    ['gbp_week', 0, '£0'],
    ['gbp_week', -14, '-£14'],
    ['gbp_k', 28942, '£28,942k'],
    ['gbp_k', -289, '-£289k'],
    ['gbp_k', -1459, '-£1,459k'],
    ['gbp_k', 0, '£k'],
    ['gbp_k', 107714, '£107,714k'],
  ] as const)('show %s %d as %s, as the app and the published tables do', (unit, value, shown) => {
    expect(display(value, numberFormat(unit))).toBe(shown);
    expect(formatValue(toHundredths(value), unit)).toBe(shown);
  });
});

describe('fonts and sizes', () => {
  it('name the font everywhere (an unnamed font prints as a serif in LibreOffice)', () => {
    for (const [name, font] of Object.entries(FONTS)) {
      expect(font.name, name).toBe(FONT_NAME);
      expect(font.size, name).toBeGreaterThanOrEqual(9);
    }
    expect(FONT_NAME).toBe('Calibri');
  });

  it('give wrapped prose more height the longer it is, and a page room for a table', () => {
    expect(wrappedHeight('short', 140)).toBeLessThan(wrappedHeight('word '.repeat(80), 140));
    expect(wrappedHeight('a\nb', 140)).toBeGreaterThan(wrappedHeight('a', 140));
    expect(printableRowHeight(KAD_COLUMN_WIDTHS)).toBeGreaterThan(480);
  });
});

describe('header and footer text', () => {
  it('doubles every & so Excel prints it instead of reading a code', () => {
    expect(escapeHeaderFooter('Adults & Health')).toBe('Adults && Health');
    expect(escapeHeaderFooter('A&&B &P')).toBe('A&&&&B &&P');
    expect(escapeHeaderFooter('no codes')).toBe('no codes');
  });

  it('puts the committee left, the title centre and "Page N of M" right, each in Calibri', () => {
    const footer = footerText({ left: 'Adults & Health Committee', centre: 'Finance Monitoring Report – August 2023/24' });
    expect(footer).toBe(
      '&L&9&"Calibri,Regular"Adults && Health Committee&C&9&"Calibri,Regular"Finance Monitoring Report – August 2023/24&R&9&"Calibri,Regular"Page &P of &N',
    );
  });

  it('puts the font size before the font name, so text starting with a digit is not read as part of the size', () => {
    const footer = footerText({ left: '2024 Scrutiny Committee', centre: 'x' });
    expect(footer).toContain('&"Calibri,Regular"2024 Scrutiny');
    expect(footer).not.toMatch(/&9\d/);
  });

  it('stays within Excel’s 255 characters however long the settings are', () => {
    const footer = footerText({ left: 'C&'.repeat(200), centre: 'T'.repeat(400) });
    expect(footer.length).toBeLessThanOrEqual(255);
    expect(footer).toContain('Page &P of &N');
    const left = footer.slice(footer.indexOf('Regular"') + 'Regular"'.length, footer.indexOf('&C&9'));
    expect(left.endsWith('…')).toBe(true);
    for (const run of left.match(/&+/g) ?? []) expect(run.length % 2).toBe(0); // never half an escaped &
  });

  it('adds the period to the title only when the title does not name the month already', () => {
    expect(footerTitle('Finance Monitoring Report – August 2023/24', '2023-08')).toBe('Finance Monitoring Report – August 2023/24');
    expect(footerTitle('Adults Finance Pack', '2023-08')).toBe('Adults Finance Pack – August 2023');
  });
});
