import { localDay } from '@/lib/local-time';

/** The calendar day a view is counted under, "YYYY-MM-DD" on the site's calendar (its time zone setting). */
export function statsDay(at: Date, timeZone: string): string {
  return localDay(at, timeZone);
}

/** The day `days - 1` days before `at`'s day: the first day of a window of `days` days ending today. */
export function statsDayBefore(days: number, at: Date, timeZone: string): string {
  return statsDay(new Date(at.getTime() - (days - 1) * 24 * 60 * 60 * 1000), timeZone);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The Monday starting the week of `day` ("YYYY-MM-DD" in, "YYYY-MM-DD" out). */
export function weekOf(day: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  return new Date(at.getTime() - ((at.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `fromDay` to `toDay`, both included. */
export function daysBetween(fromDay: string, toDay: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${fromDay}T00:00:00Z`); at <= Date.parse(`${toDay}T00:00:00Z`); at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}
