/** The site's clock: local days and the exact moments of local times, across DST changes and half-hour zones. */
import { isTimeZone, lastWeekdayAt, localDay, localMoment, todayAt } from '@/lib/local-time';

const iso = (d: Date) => d.toISOString();

describe('isTimeZone', () => {
  it('accepts IANA names and refuses anything else', () => {
    expect(['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'].every(isTimeZone)).toBe(true);
    expect(['', 'Mars/Olympus', 'Europe/London; DROP', 'GMT+25'].some(isTimeZone)).toBe(false);
  });
});

describe('localDay', () => {
  it('is the site’s calendar date, not UTC’s', () => {
    const lateEvening = new Date('2026-11-26T23:30:00Z');
    expect(localDay(lateEvening, 'UTC')).toBe('2026-11-26');
    expect(localDay(lateEvening, 'Asia/Kolkata')).toBe('2026-11-27'); // 05:00 next morning
    expect(localDay(new Date('2026-11-27T03:00:00Z'), 'America/New_York')).toBe('2026-11-26'); // 22:00 the day before
  });
});

describe('localMoment', () => {
  it('finds the instant of a local time in half-hour and DST zones', () => {
    expect(iso(localMoment('Asia/Kolkata', 2026, 11, 26, 8))).toBe('2026-11-26T02:30:00.000Z');
    expect(iso(localMoment('Europe/London', 2026, 7, 1, 8))).toBe('2026-07-01T07:00:00.000Z');
    expect(iso(localMoment('Europe/London', 2026, 12, 1, 8))).toBe('2026-12-01T08:00:00.000Z');
    expect(iso(localMoment('America/New_York', 2026, 3, 9, 8))).toBe('2026-03-09T12:00:00.000Z');
    expect(iso(localMoment('America/New_York', 2026, 3, 7, 8))).toBe('2026-03-07T13:00:00.000Z');
  });

  it('moves a time skipped by spring-forward an hour later, and takes a repeated time’s first occurrence', () => {
    // New York skips 02:00–03:00 on 8 March 2026: 02:30 becomes 03:30 EDT.
    expect(iso(localMoment('America/New_York', 2026, 3, 8, 2, 30))).toBe('2026-03-08T07:30:00.000Z');
    // London repeats 01:00–02:00 on 25 October 2026: 01:30 BST comes first.
    expect(iso(localMoment('Europe/London', 2026, 10, 25, 1, 30))).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('todayAt', () => {
  it('is today’s hour by the site’s clock, even when UTC is already on another day', () => {
    expect(iso(todayAt(new Date('2026-11-27T03:00:00Z'), 'America/New_York', 8))).toBe('2026-11-26T13:00:00.000Z');
    expect(iso(todayAt(new Date('2026-11-26T20:00:00Z'), 'Asia/Kolkata', 8))).toBe('2026-11-27T02:30:00.000Z');
    expect(iso(todayAt(new Date('2026-03-29T12:00:00Z'), 'Europe/London', 8))).toBe('2026-03-29T07:00:00.000Z'); // the day BST starts
  });
});

describe('lastWeekdayAt', () => {
  const mondayAt8 = (now: string, zone: string) => iso(lastWeekdayAt(new Date(now), zone, 1, 8));

  it('is the latest Monday 08:00 at or before now, local', () => {
    expect(mondayAt8('2026-11-25T12:00:00Z', 'UTC')).toBe('2026-11-23T08:00:00.000Z');
    expect(mondayAt8('2026-11-23T07:59:00Z', 'UTC')).toBe('2026-11-16T08:00:00.000Z');
    expect(mondayAt8('2026-11-23T08:00:00Z', 'UTC')).toBe('2026-11-23T08:00:00.000Z');
    expect(mondayAt8('2026-11-23T02:29:00Z', 'Asia/Kolkata')).toBe('2026-11-16T02:30:00.000Z');
    expect(mondayAt8('2026-11-23T02:30:00Z', 'Asia/Kolkata')).toBe('2026-11-23T02:30:00.000Z');
  });

  it('keeps 08:00 local on both sides of a DST change', () => {
    // New York: EST until 8 March 2026, EDT after; London: BST until 25 October 2026.
    expect(mondayAt8('2026-03-08T20:00:00Z', 'America/New_York')).toBe('2026-03-02T13:00:00.000Z');
    expect(mondayAt8('2026-03-09T12:00:00Z', 'America/New_York')).toBe('2026-03-09T12:00:00.000Z');
    expect(mondayAt8('2026-03-09T11:59:00Z', 'America/New_York')).toBe('2026-03-02T13:00:00.000Z');
    expect(mondayAt8('2026-10-26T08:00:00Z', 'Europe/London')).toBe('2026-10-26T08:00:00.000Z');
    expect(mondayAt8('2026-10-26T07:30:00Z', 'Europe/London')).toBe('2026-10-19T07:00:00.000Z');
  });
});
