'use client';
/**
 * False in the server's HTML and until React has hydrated it. Buttons that work only through JavaScript
 * stay disabled until then, so a click made while the page is still loading is never silently lost.
 */
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
