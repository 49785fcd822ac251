/**
 * Counts per day as the charts need them: one bar for every day (or week) of the window, zero where
 * nothing happened, so a quiet day shows as a gap and not as a missing column.
 */
import { daysBetween, weekOf } from './day';

export type Bar = { label: string; value: number };
type DayCount = { day: string; count: number };

export function dailyBars(rows: DayCount[], fromDay: string, toDay: string): Bar[] {
  const byDay = new Map(rows.map((row) => [row.day, row.count]));
  return daysBetween(fromDay, toDay).map((day) => ({ label: day, value: byDay.get(day) ?? 0 }));
}

/** Weeks starting on Monday, labelled by that Monday; the first week may have begun before `fromDay`. */
export function weeklyBars(rows: DayCount[], fromDay: string, toDay: string): Bar[] {
  const weeks = new Map<string, number>();
  for (const day of daysBetween(fromDay, toDay)) weeks.set(weekOf(day), 0);
  for (const row of rows) {
    const week = weekOf(row.day);
    if (weeks.has(week)) weeks.set(week, weeks.get(week)! + row.count);
  }
  return [...weeks].map(([label, value]) => ({ label, value }));
}
