'use client';
/**
 * Autosave for the post and page editors: every few seconds, a changed form that passes its checks is
 * sent to the save action (which decides where it goes: the draft itself, or a private working copy).
 * Leaving with unsaved changes asks first.
 */
import { startTransition, useEffect, type RefObject } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

export const AUTOSAVE_MS = 5000;

export function useAutosave<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, formRef: RefObject<HTMLFormElement | null>, save: (data: FormData) => void, paused: boolean): void {
  useEffect(() => {
    const timer = setInterval(async () => {
      if (!form.formState.isDirty || paused || !formRef.current) return;
      if (await form.trigger()) startTransition(() => save(new FormData(formRef.current!)));
    }, AUTOSAVE_MS);
    return () => clearInterval(timer);
  }, [form, formRef, save, paused]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (form.formState.isDirty) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [form]);
}
