import { describe, expect, it } from 'vitest';
import { fragmentOf, fragmentParam, fragmentParams, fragmentWithout, hashOfPlace, placeInHash, type PageAddress } from '../../renderer/src/app/address';
import { printHashParams, printRequestInHash } from '../../renderer/src/print/printHash';

/** Pages as the shell lists them: an area page keeping a parameter, then core pages keeping none. */
const PAGES: PageAddress[] = [
  { id: 'activity', params: ['service'] },
  { id: 'ledger', params: ['cost-centre', 'view'] },
  { id: 'checks', params: [] },
  { id: 'backups', params: [] },
];

describe('reading the address fragment', () => {
  it('reads name=value pairs in order, decoded, with or without the #', () => {
    expect(fragmentParams('#area=activity&period=2023-08&service=older%20people')).toEqual([
      ['area', 'activity'],
      ['period', '2023-08'],
      ['service', 'older people'],
    ]);
    expect(fragmentParams('area=backups')).toEqual([['area', 'backups']]);
    expect(fragmentParams('')).toEqual([]);
    expect(fragmentParam('#token=abc%3D&area=backups', 'token')).toBe('abc=');
    expect(fragmentParam('#area=backups', 'period')).toBeNull();
  });

  it('skips pieces that are not name=value and values with a malformed escape', () => {
    expect(fragmentParams('#&=x&area&service=%E0%A4%A&area=checks')).toEqual([['area', 'checks']]);
  });

  it('takes one parameter out, leaving the rest as written (the token at start-up)', () => {
    expect(fragmentWithout('#token=s3cr%2Ft&area=backups', 'token')).toBe('#area=backups');
    expect(fragmentWithout('#area=print&token=s3cret&period=2023-08', 'token')).toBe('#area=print&period=2023-08');
    expect(fragmentWithout('#token=s3cret', 'token')).toBe('');
    // A parameter whose name merely starts the same is another parameter.
    expect(fragmentWithout('#tokens=2&token=x', 'token')).toBe('#tokens=2');
  });

  it('finds the page, a well-formed month and the page\'s own parameters, ignoring everything else', () => {
    expect(placeInHash('#area=activity&period=2023-09&service=autism&token=abc&view=x', PAGES)).toEqual({ page: 'activity', period: '2023-09', params: { service: 'autism' } });
    expect(placeInHash('#token=abc&area=backups', PAGES)).toEqual({ page: 'backups', period: null, params: {} });
    expect(placeInHash('#area=ledger&period=2023-13&view=year&cost-centre=AH01', PAGES)).toEqual({ page: 'ledger', period: null, params: { 'cost-centre': 'AH01', view: 'year' } });
    // A page the app does not have (an area not registered, the print view) is no page; its month still counts.
    expect(placeInHash('#area=reserves&period=2023-08&service=autism', PAGES)).toEqual({ page: null, period: '2023-08', params: {} });
    expect(placeInHash('', PAGES)).toEqual({ page: null, period: null, params: {} });
  });
});

describe('writing the address fragment', () => {
  it('writes the page, the month, then the page\'s parameters in the order it declares them', () => {
    expect(hashOfPlace({ page: 'activity', period: '2023-08', params: { service: 'autism' } }, PAGES)).toBe('#area=activity&period=2023-08&service=autism');
    expect(hashOfPlace({ page: 'ledger', period: '2024-01', params: { view: 'year', 'cost-centre': 'AH 01' } }, PAGES)).toBe('#area=ledger&period=2024-01&cost-centre=AH%2001&view=year');
    expect(hashOfPlace({ page: 'checks', period: null, params: {} }, PAGES)).toBe('#area=checks');
  });

  it('never writes a parameter the page does not declare: the token is never shown again', () => {
    expect(hashOfPlace({ page: 'backups', period: '2023-08', params: { token: 'abc', service: 'autism' } }, PAGES)).toBe('#area=backups&period=2023-08');
    expect(hashOfPlace({ page: 'activity', period: '2023-08', params: { service: '' } }, PAGES)).toBe('#area=activity&period=2023-08');
  });

  it('reads back what it writes', () => {
    const place = { page: 'ledger', period: '2023-12', params: { 'cost-centre': 'A&B=C #1', view: 'month' } };
    const hash = hashOfPlace(place, PAGES);
    expect(placeInHash(hash, PAGES)).toEqual(place);
    expect(fragmentOf(fragmentParams(hash))).toBe(hash);
  });
});

describe('the print view\'s address', () => {
  it('asks for the print view of a month, its sections in the pack\'s order', () => {
    const all = printRequestInHash('#area=print&period=2023-08')!.sections;
    expect(all[0]).toBe('contents');
    expect(printRequestInHash('#area=print&period=2023-08&sections=contents')).toEqual({ period: '2023-08', sections: ['contents'] });
    expect(printRequestInHash('#area=print&period=2023-08&sections=nonsense')).toEqual({ period: '2023-08', sections: all });
    expect(printRequestInHash('#area=print&period=August')).toBeNull();
    expect(printRequestInHash('#area=checks&period=2023-08')).toBeNull();
  });

  it('reads back the address it writes', () => {
    const req = { period: '2023-08', sections: printRequestInHash('#area=print&period=2023-08')!.sections };
    expect(printRequestInHash(`#${printHashParams(req)}`)).toEqual(req);
  });
});
