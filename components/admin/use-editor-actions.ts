'use client';
/**
 * One editor form, several actions: Save draft (and autosave), Publish now, Update, Discard changes.
 * The pressed button says which (data-intent); each runs through its own useActionState, and the last
 * one's answer is what the form shows. Discard skips the checks: half-typed text can always be dropped.
 * Without JavaScript each button posts to its own action (formAction).
 */
import { startTransition, useEffect, useState, type FormEvent } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState, FormAction } from '@/lib/actions/state';

export type EditorIntent = 'save' | 'publish' | 'update' | 'discard';
type Save = { state: ActionState; pending: boolean; formAction: (data: FormData) => void };

export function useEditorActions<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, save: Save, actions: Record<Exclude<EditorIntent, 'save'>, FormAction>) {
  const [publishState, publish, publishing] = useFormAction(actions.publish);
  const [updateState, update, updating] = useFormAction(actions.update);
  const [discardState, discard, discarding] = useFormAction(actions.discard);
  const [last, setLast] = useState<EditorIntent>('save');
  const states: Record<EditorIntent, ActionState> = { save: save.state, publish: publishState, update: updateState, discard: discardState };
  const state = states[last];

  // The save action's field errors are placed by useActionForm; the others' here.
  useEffect(() => {
    if (last === 'save') return;
    for (const [field, messages] of Object.entries(state.fieldErrors ?? {})) form.setError(field as Path<T>, { type: 'server', message: messages[0] });
  }, [last, state, form]);

  const dispatchers: Record<EditorIntent, (data: FormData) => void> = { save: save.formAction, publish, update, discard };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const pressed = ((event.nativeEvent as SubmitEvent).submitter as HTMLElement | null)?.dataset.intent;
    const intent: EditorIntent = pressed && pressed in dispatchers ? (pressed as EditorIntent) : 'save';
    const data = new FormData(event.currentTarget);
    const send = () => {
      setLast(intent);
      startTransition(() => dispatchers[intent](data));
    };
    if (intent !== 'discard') return void form.handleSubmit(send)(event);
    event.preventDefault();
    send();
  };
  return { state, last, dispatchers, pending: save.pending || publishing || updating || discarding, onSubmit };
}
