import { describe, expect, it } from 'vitest';
import { amountOfText, financialYearOfText, parseSavingsByYear, savingIn } from '../../shared/areas/savings/pipeline';

/** Savings by year as the 2020-21 business cases write them (DOMAIN.md §12). */
describe('savings by year, as a business case writes them', () => {
  it('reads "2020-21 £0 / 21-22 -£400k" (A/R.6.114, BP 21-22) into hundredths of £000', () => {
    expect(parseSavingsByYear('2020-21 £0 / 21-22 -£400k')).toEqual({ ok: true, value: [{ year: '2020-21', amount: 0 }, { year: '2021-22', amount: -40000 }] });
  });

  it('reads one amount ("-£3,800k", A/R.6.176) as the saving of the year it is proposed for', () => {
    expect(parseSavingsByYear('-£3,800k', '2020-21')).toEqual({ ok: true, value: [{ year: '2020-21', amount: -380000 }] });
    expect(parseSavingsByYear('-£3,800k')).toMatchObject({ ok: false, reason: expect.stringMatching(/does not name a financial year/) });
  });

  it('explains what it cannot read', () => {
    expect(parseSavingsByYear('2021-22 about £400k')).toEqual({ ok: false, reason: '"about £400k" is not an amount of money (write it "-£400k" or "-400")' });
    expect(parseSavingsByYear('2021-23 -£400k')).toMatchObject({ ok: false, reason: expect.stringMatching(/does not name a financial year/) });
    expect(parseSavingsByYear('2021-22 -£1k / 21-22 -£2k')).toEqual({ ok: false, reason: 'gives 2021-22 twice' });
    expect(parseSavingsByYear('  ')).toEqual({ ok: false, reason: 'gives no saving' });
  });

  it('reads amounts and years exactly', () => {
    expect([amountOfText('-£1.5m'), amountOfText('-24'), amountOfText('£0'), amountOfText('-£0.25k'), amountOfText('1,2')]).toEqual([-150000, -2400, 0, -25, null]);
    expect([financialYearOfText('2021/22'), financialYearOfText('21-22'), financialYearOfText('2099-00'), financialYearOfText('2021-2022')]).toEqual(['2021-22', '2021-22', '2099-00', '2021-22']);
    expect(savingIn({ savings: [{ year: '2021-22', amount: -40000 }] }, '2022-23')).toBe(0);
  });
});
