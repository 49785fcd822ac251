'use client';
/** "3 hours ago", with the exact time on hover. The cached HTML carries the exact date (the site's zone and format); the browser adds the relative one. */
import { useEffect, useState } from 'react';
import { useDateStyle } from '@/components/layout/site-date';
import { formatDate, formatDateTime } from '@/lib/format';

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of STEPS) if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  return 'just now';
}

export function RelativeTime({ iso }: { iso: string }) {
  const style = useDateStyle();
  const [text, setText] = useState(() => formatDate(iso, style));
  useEffect(() => setText(relativeTime(iso)), [iso]);
  return (
    <time dateTime={iso} title={formatDateTime(iso, style)}>
      {text}
    </time>
  );
}
