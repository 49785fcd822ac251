import { parseListingPage, parsePageNumber } from '@/lib/pagination';

describe('page numbers in URLs', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    ['99999', 99999],
    ['0', null],
    ['-1', null],
    ['abc', null],
    ['01', null],
    ['1.5', null],
    ['1e3', null],
    ['9999999999', null],
  ])('%s → %s', (segment, expected) => expect(parsePageNumber(segment)).toBe(expected));

  it('reads the optional /page/N suffix of a listing', () => {
    expect(parseListingPage(undefined)).toBe(1);
    expect(parseListingPage(['page', '3'])).toBe(3);
    expect(parseListingPage(['page'])).toBeNull();
    expect(parseListingPage(['pages', '3'])).toBeNull();
    expect(parseListingPage(['page', '3', 'x'])).toBeNull();
  });
});
