'use client';
/**
 * useActionState for Hearth's forms, with the page's own address as permalink. Before hydration React
 * writes a form (or button) whose action is a server function as `action=""`, which HTML forbids; given a
 * permalink it writes that address instead. Without JavaScript the form still posts to this page, which
 * runs the action and shows its answer.
 */
import { useActionState } from 'react';
import { usePathname } from 'next/navigation';
import { initialActionState } from '@/lib/actions/state';
import type { FormAction } from './use-action-form';

export const useFormAction = (action: FormAction) => useActionState(action, initialActionState, usePathname() ?? undefined);
