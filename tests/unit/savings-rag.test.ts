import { describe, expect, it } from 'vitest';
import { ragKeyHeaders, ragKeyRows } from '../../shared/areas/savings/key';
import { bandLabel, DEFAULT_RAG_SETTINGS, proposeRag, ragBand, RagSettingsSchema, savingPctVariance, savingVariance } from '../../shared/areas/savings/rag';

/**
 * The Key to RAG Ratings (rag-key.json) with the documented boundaries. Every expected RAG is
 * written by hand from the rules, never taken from the function. Figures are hundredths of £000:
 * -100000 is a saving of £1,000k.
 */
const rag = (original: number | null, forecast: number | null, s = DEFAULT_RAG_SETTINGS) => proposeRag(original, forecast, s).rag;

describe('the band, by |original saving|', () => {
  it('is over £500k only above £500k, £100–500k from £100k to £500k inclusive, and below £100k under it', () => {
    expect(ragBand(-50001)).toBe('large');
    expect(ragBand(-50000)).toBe('middle');
    expect(ragBand(-10000)).toBe('middle');
    expect(ragBand(-9999)).toBe('small');
    expect(ragBand(50001)).toBe('large');
  });
  it('is labelled as the key heads its columns', () => {
    expect(bandLabel('large')).toBe('Over £500k');
    expect(bandLabel('middle')).toBe('£100–500k');
    expect(bandLabel('small')).toBe('Below £100k');
  });
});

describe('Over £500k', () => {
  it('Black: 100% non-achieving (a nil forecast), never Red', () => expect(rag(-100000, 0)).toBe('Black'));
  it('Red: % variance more than 19%', () => {
    expect(rag(-100000, -80999)).toBe('Red'); // 19.01%
    expect(rag(-100000, -50000)).toBe('Red'); // 50%
    expect(rag(-100000, 10000)).toBe('Red'); // a saving turned into a cost: 110%
  });
  it('Amber: underachieving by 14% to 19%, both ends included', () => {
    expect(rag(-100000, -81000)).toBe('Amber'); // exactly 19%
    expect(rag(-100000, -86000)).toBe('Amber'); // exactly 14%
    expect(rag(-100000, -84000)).toBe('Amber'); // 16%
  });
  it('Green: % variance less than 14%', () => {
    expect(rag(-100000, -86001)).toBe('Green'); // 13.99%
    expect(rag(-100000, -100000)).toBe('Green'); // on plan
  });
  it('Blue: over-achieving', () => expect(rag(-100000, -100001)).toBe('Blue'));
});

describe('£100–500k', () => {
  it('Black: 100% non-achieving', () => expect(rag(-20000, 0)).toBe('Black'));
  it('has no Red: above 19% is Amber however large', () => {
    expect(rag(-20000, -16199)).toBe('Amber'); // 19.005%
    expect(rag(-20000, -1)).toBe('Amber'); // 99.995%
  });
  it('Green up to 19% inclusive', () => {
    expect(rag(-20000, -16200)).toBe('Green'); // exactly 19%
    expect(rag(-20000, -20000)).toBe('Green');
  });
  it('Blue: over-achieving', () => expect(rag(-20000, -20100)).toBe('Blue'));
  it('takes exactly £500k and exactly £100k into this band', () => {
    // 16% of £500k is Amber over £500k but Green here.
    expect(rag(-50000, -42000)).toBe('Green');
    expect(rag(-50001, -42000)).toBe('Amber');
    // 20% of £100k: Amber (this band); the small band would give Amber too, so the band is asserted.
    expect(proposeRag(-10000, -8000)).toMatchObject({ rag: 'Amber', band: 'middle' });
  });
});

describe('Below £100k', () => {
  it('Black, Amber above 19%, Green up to 19%, Blue', () => {
    expect(rag(-8000, 0)).toBe('Black');
    expect(rag(-8000, -6479)).toBe('Amber'); // 19.0125%
    expect(rag(-8000, -6480)).toBe('Green'); // exactly 19%
    expect(rag(-8000, -8001)).toBe('Blue');
    expect(proposeRag(-9999, -9999)).toMatchObject({ rag: 'Green', band: 'small' });
  });
});

describe('no RAG', () => {
  it('for an original of 0 or blank, with the reason', () => {
    expect(proposeRag(0, -500)).toMatchObject({ rag: null, noRag: 'no-original' });
    expect(proposeRag(null, -500)).toMatchObject({ rag: null, noRag: 'no-original' });
  });
  it('for a forecast not yet given (blank is not nil)', () => expect(proposeRag(-20000, null)).toMatchObject({ rag: null, noRag: 'no-forecast', band: 'middle' }));
});

describe('exact arithmetic', () => {
  it('decides a boundary exactly where floating point would not', () => {
    // 1,680 / 12,000 × 100 (£16.8k of £120k) is 14.000000000000002 in binary floating point: a float rule would call it Amber.
    const s = { ...DEFAULT_RAG_SETTINGS, otherAmberAbovePct: 14 };
    expect(rag(-12000, -10320, s)).toBe('Green');
    expect(rag(-12000, -10319, s)).toBe('Amber');
  });
  it('computes variance and % variance from the unrounded figures', () => {
    expect(savingVariance(-20300, -10200)).toBe(10100);
    expect(savingPctVariance(-20300, -10200)).toBe(4975); // 49.75% → 50% as published
    expect(savingPctVariance(-111100, -129000)).toBe(-1611); // -16.11% → -16%
    expect(savingPctVariance(0, -1)).toBeNull();
    expect(savingVariance(null, -1)).toBeNull();
  });
});

describe('settings', () => {
  it('move the boundaries', () => {
    const s = { ...DEFAULT_RAG_SETTINGS, bandUpperK: 1000, largeAmberFromPct: 10 };
    expect(ragBand(-100000, s)).toBe('middle');
    expect(rag(-100001, -89000, s)).toBe('Amber'); // 11% over £1,000k
    expect(bandLabel('large', s)).toBe('Over £1,000k');
  });
  it('refuse limits the wrong way round', () => {
    expect(RagSettingsSchema.safeParse({ ...DEFAULT_RAG_SETTINGS, bandLowerK: 600 }).success).toBe(false);
    expect(RagSettingsSchema.safeParse({ ...DEFAULT_RAG_SETTINGS, largeAmberFromPct: 20 }).success).toBe(false);
    expect(RagSettingsSchema.safeParse({ ...DEFAULT_RAG_SETTINGS, largeAmberFromPct: 14.001 }).success).toBe(false);
  });
});

describe('the published Quarter 1 2023/24 trackers (CHECKS.md §7, "RAG per key" column)', () => {
  // Original, forecast (£000) and the RAG the key gives, copied by hand from CHECKS.md §7.
  const rows: [string, number, number, string][] = [
    ['Adult Social Care Transport', -91, 0, 'Black'],
    ['Micro-enterprises Support', -103, -4, 'Amber'],
    ['Increased support for carers', -129, 0, 'Black'],
    ['Learning Disability Partnership Pooled Budget Rebaselining', -1125, -1125, 'Green'],
    ['Adults Positive Challenge Programme', -154, -154, 'Green'],
    ['Additional block beds - inflation saving', -263, -263, 'Green'],
    ['Expansion of Direct Payments', -113, 0, 'Black'],
    ['Adults and mental health employment support', -40, -40, 'Green'],
    ['Decommissioning of block contracts for Car rounds providing homecare', -1111, -1290, 'Blue'],
    ['Post hospital discharge reviews', -310, -155, 'Amber'],
    ['Mental Health s75 vacancy factor', -150, -150, 'Green'],
    ['Learning Disability mid-cost range placement review', -203, -102, 'Amber'],
    ['Integration with the Integrated Care System on digital social prescribing', -61, -61, 'Green'],
    ['Vacancy factor for Public Health staffing', -80, -80, 'Green'],
    ['Public Health savings', -201, -201, 'Green'],
  ];
  it.each(rows)('%s', (_title, original, forecast, expected) => expect(rag(original * 100, forecast * 100)).toBe(expected));
});

describe('the Key to RAG Ratings table', () => {
  it('is the published key (rag-key.json) with the default boundaries', () => {
    // Published headers "Total saving | Over £500k | 100-500k | Below 100k"; the middle band is written £100–500k.
    expect(ragKeyHeaders()).toEqual(['Total saving', 'Over £500k', '£100–500k', 'Below £100k']);
    expect(ragKeyRows().map((r) => [r.rating, ...r.cells])).toEqual([
      ['Black', '100% non-achieving', '100% non-achieving', '100% non-achieving'],
      ['Red', '% variance more than 19%', '-', '-'],
      ['Amber', 'Underachieving by 14% to 19%', '% variance more than 19%', '% variance more than 19%'],
      ['Green', '% variance less than 14%', '% variance less than 19%', '% variance less than 19%'],
      ['Blue', 'Over-achieving', 'Over-achieving', 'Over-achieving'],
    ]);
  });
});
