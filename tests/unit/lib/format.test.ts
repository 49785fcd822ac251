/** Dates in the site's zone and format: all four formats, zones either side of UTC, a half-hour zone. */
import { formatDate, formatDateTime, formatMonth, type DateStyle } from '@/lib/format';

const style = (dateFormat: DateStyle['dateFormat'], timeZone = 'UTC'): DateStyle => ({ dateFormat, timeZone });
const EVENING_UTC = '2026-11-26T23:30:00.000Z';

describe('formatDate', () => {
  it('writes each of the four formats', () => {
    expect(formatDate(EVENING_UTC, style('long'))).toBe('26 November 2026');
    expect(formatDate(EVENING_UTC, style('short'))).toBe('26 Nov 2026');
    expect(formatDate(EVENING_UTC, style('numeric'))).toBe('2026-11-26');
    expect(formatDate(EVENING_UTC, style('us'))).toBe('November 26, 2026');
  });

  it('uses the site’s calendar: a late-evening UTC post is the next day in Kolkata, the same day in New York', () => {
    expect(formatDate(EVENING_UTC, style('long', 'Asia/Kolkata'))).toBe('27 November 2026');
    expect(formatDate(EVENING_UTC, style('numeric', 'Asia/Kolkata'))).toBe('2026-11-27');
    expect(formatDate('2026-11-27T03:00:00Z', style('us', 'America/New_York'))).toBe('November 26, 2026');
    expect(formatDate(new Date('2026-11-27T03:00:00Z'), style('short', 'UTC'))).toBe('27 Nov 2026');
  });
});

describe('formatDateTime', () => {
  it('adds the site’s wall-clock time, 12-hour in the US style, across a DST change', () => {
    expect(formatDateTime(EVENING_UTC, style('long', 'Asia/Kolkata'))).toBe('27 November 2026, 05:00');
    expect(formatDateTime('2026-03-07T18:05:00Z', style('us', 'America/New_York'))).toBe('March 7, 2026, 1:05 PM'); // EST
    expect(formatDateTime('2026-03-09T18:05:00Z', style('us', 'America/New_York'))).toBe('March 9, 2026, 2:05 PM'); // EDT
    expect(formatDateTime('2026-07-01T00:00:00Z', style('numeric', 'Europe/London'))).toBe('2026-07-01, 01:00');
    expect(formatDateTime('2026-07-01T04:00:00Z', style('us', 'America/New_York'))).toBe('July 1, 2026, 12:00 AM');
  });
});

describe('formatMonth', () => {
  it('names a month in each format', () => {
    expect(formatMonth('2026-03', style('long', 'Pacific/Kiritimati'))).toBe('March 2026');
    expect(formatMonth('2026-03', style('short', 'America/Los_Angeles'))).toBe('Mar 2026');
    expect(formatMonth('2026-03', style('numeric'))).toBe('2026-03');
    expect(formatMonth('2026-03', style('us'))).toBe('March 2026');
  });
});
