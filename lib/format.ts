/**
 * Dates as people read them, in the site's time zone and date format (set on /admin/settings). Reader pages
 * are cached HTML shared by everyone, so dates are always formatted with the site's style, never the
 * visitor's; machine-readable dates (<time datetime>, feeds, JSON-LD) stay ISO/UTC and do not come here.
 */
import type { DateFormat } from '@/db/schema-values';
import { localParts } from './local-time';

export type DateStyle = { timeZone: string; dateFormat: DateFormat };

/** Before anything is configured (and what the settings row defaults to). */
export const DEFAULT_DATE_STYLE: DateStyle = { timeZone: 'UTC', dateFormat: 'long' };

const DATE_OPTIONS: Record<Exclude<DateFormat, 'numeric'>, [string, Intl.DateTimeFormatOptions]> = {
  long: ['en-GB', { day: 'numeric', month: 'long', year: 'numeric' }],
  short: ['en-GB', { day: 'numeric', month: 'short', year: 'numeric' }],
  us: ['en-US', { month: 'long', day: 'numeric', year: 'numeric' }],
};

const formats = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

const pad = (n: number) => String(n).padStart(2, '0');
const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** "26 November 2026", "26 Nov 2026", "2026-11-26" or "November 26, 2026", on the site's calendar. */
export function formatDate(value: string | Date, style: DateStyle): string {
  const date = toDate(value);
  if (style.dateFormat === 'numeric') {
    const { year, month, day } = localParts(date, style.timeZone);
    return `${year}-${pad(month)}-${pad(day)}`;
  }
  const [locale, options] = DATE_OPTIONS[style.dateFormat];
  return cachedFormat(locale, { ...options, timeZone: style.timeZone }).format(date);
}

/** The site's wall-clock time alone: "14:05" ("2:05 PM" in the US style). */
export function formatClock(value: string | Date, style: DateStyle): string {
  const { hour, minute } = localParts(toDate(value), style.timeZone);
  return style.dateFormat === 'us' ? `${hour % 12 || 12}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}` : `${pad(hour)}:${pad(minute)}`;
}

/** The date and the site's wall-clock time: "26 November 2026, 14:05" ("November 26, 2026, 2:05 PM" in the US style). */
export function formatDateTime(value: string | Date, style: DateStyle): string {
  return `${formatDate(value, style)}, ${formatClock(value, style)}`;
}

/** A month on the site's calendar, "2026-03" → "March 2026" ("Mar 2026", "2026-03"). */
export function formatMonth(yearMonth: string, style: DateStyle): string {
  if (style.dateFormat === 'numeric') return yearMonth;
  const month = style.dateFormat === 'short' ? 'short' : 'long';
  // Noon UTC on the 15th is the same month in every zone: the month is already the site's own.
  return cachedFormat(style.dateFormat === 'us' ? 'en-US' : 'en-GB', { month, year: 'numeric', timeZone: 'UTC' }).format(new Date(`${yearMonth}-15T12:00:00Z`));
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
