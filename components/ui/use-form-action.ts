'use client';
/**
 * useActionState for Hearth's forms, with the page's own address as permalink. Before hydration React
 * writes a form (or button) whose action is a server function as `action=""`, which HTML forbids; given a
 * permalink it writes that address instead. Without JavaScript the form still posts to this page, which
 * runs the action and shows its answer.
 *
 * React hands a no-JavaScript answer to every form whose permalink matches: a form that can appear twice
 * on a page (the subscribe boxes) names an `anchor`, an element id of its own, which also brings the
 * reader back to that form with its answer.
 */
import { useActionState } from 'react';
import { usePathname } from 'next/navigation';
import { initialActionState, type FormAction } from '@/lib/actions/state';

export function useFormAction(action: FormAction, anchor?: string) {
  const pathname = usePathname();
  return useActionState(action, initialActionState, pathname ? `${pathname}${anchor ? `#${anchor}` : ''}` : undefined);
}
