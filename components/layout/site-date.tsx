'use client';
/**
 * Every human-readable date on the site, in the site's time zone and date format. The root layout provides the
 * style (read on the server, cached under the site tag), so server pages and client leaves alike render the same
 * text into the shared cached HTML and hydrate without a mismatch; the visitor's own zone is never used.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_DATE_STYLE, formatDate, formatDateTime, type DateStyle } from '@/lib/format';

const DateStyleContext = createContext<DateStyle>(DEFAULT_DATE_STYLE);

export function DateStyleProvider({ style, children }: { style: DateStyle; children: ReactNode }) {
  return <DateStyleContext.Provider value={style}>{children}</DateStyleContext.Provider>;
}

/** For client leaves that format dates themselves (relative times, lists loaded later). */
export const useDateStyle = () => useContext(DateStyleContext);

/** `<time>` with the ISO/UTC moment for machines and the site's date (and clock time, with `withTime`) for people. */
export function SiteDate({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const style = useDateStyle();
  return <time dateTime={iso}>{withTime ? formatDateTime(iso, style) : formatDate(iso, style)}</time>;
}
