/**
 * The site's clock: what the calendar and the wall clock say in the site's time zone (an IANA name such as
 * "Europe/London"), and the exact moment a given local time falls on. Daily and weekly emails use it to go
 * out at the intended local hour all year round, across daylight-saving changes and in half-hour zones.
 * Pure functions over Intl, so the server, jobs and tests share one answer.
 */

export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number };

const DAY_MS = 24 * 60 * 60_000;
const partFormats = new Map<string, Intl.DateTimeFormat>();

function partFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    partFormats.set(timeZone, format);
  }
  return format;
}

/** True for a time zone this machine's Intl knows ("Europe/London", "UTC"); false for anything else. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

/** The calendar date and wall-clock time at `date` in `timeZone`. */
export function localParts(date: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of partFormat(timeZone).formatToParts(date)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of `date` in `timeZone`: the site's day (for counters, dedupe keys, archive months). */
export function localDay(date: Date, timeZone: string): string {
  const { year, month, day } = localParts(date, timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Minutes the zone is ahead of UTC at `instant` (330 for Asia/Kolkata, -240 for New York in summer). */
function offsetMinutes(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The moment the site's clock shows `hour:minute` on the given local date. A time skipped by a
 * spring-forward change falls an hour later (02:30 → 03:30); a repeated autumn time is its first occurrence.
 */
export function localMoment(timeZone: string, year: number, month: number, day: number, hour: number, minute = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset a day before and a day after: one of them is right (offsets never change twice in two days).
  const candidates = [wall - DAY_MS, wall + DAY_MS].map((t) => wall - offsetMinutes(t, timeZone) * 60_000);
  const shown = candidates.filter((t) => {
    const p = localParts(new Date(t), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  });
  return new Date(shown.length > 0 ? Math.min(...shown) : Math.max(...candidates));
}

/** Today's `hour`:00 by the site's clock (it may be later than `now`): when today's daily email is due. */
export function todayAt(now: Date, timeZone: string, hour: number): Date {
  const { year, month, day } = localParts(now, timeZone);
  return localMoment(timeZone, year, month, day, hour);
}

/**
 * The latest moment at or before `now` when the site's clock showed `hour`:00 on `weekday`
 * (0 Sunday … 6 Saturday): the weekly email's moment.
 */
export function lastWeekdayAt(now: Date, timeZone: string, weekday: number, hour: number): Date {
  const today = localParts(now, timeZone);
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day));
  date.setTime(date.getTime() - ((date.getUTCDay() - weekday + 7) % 7) * DAY_MS);
  const at = (d: Date) => localMoment(timeZone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour);
  const moment = at(date);
  return moment > now ? at(new Date(date.getTime() - 7 * DAY_MS)) : moment;
}
