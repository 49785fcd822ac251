'use client';
/**
 * Counts a view of this reader page, privately: after the page is shown (from the server, its page cache
 * or a proxy's), it posts the path, and on the first page of a visit the referring site's host, to
 * /api/views. No cookie is sent (credentials: 'omit') and nothing is sent at all when the browser asks
 * not to be tracked (Do Not Track, Global Privacy Control). Renders nothing.
 */
import { usePathname } from 'next/navigation';
import { useEffect } from 'react';

/** document.referrer stays the visit's first referrer across in-app navigation: it is sent once. */
let referrerSent = false;

function optedOut(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  return nav.doNotTrack === '1' || nav.globalPrivacyControl === true;
}

function referrerHost(): string {
  if (referrerSent) return '';
  referrerSent = true;
  try {
    return document.referrer ? new URL(document.referrer).host : '';
  } catch {
    return '';
  }
}

export function ViewBeacon() {
  const pathname = usePathname();
  useEffect(() => {
    if (optedOut()) return;
    const body = JSON.stringify({ path: pathname, referrer: referrerHost() });
    fetch('/api/views', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, credentials: 'omit', keepalive: true, cache: 'no-store' }).catch(() => {
      // Counting is best effort: a lost view must never bother the reader.
    });
  }, [pathname]);
  return null;
}
