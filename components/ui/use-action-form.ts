'use client';
/**
 * react-hook-form + zod in the browser, a server action behind it. Checks run before sending;
 * the server checks again and its answer wins (its field errors land on the fields).
 * Without JavaScript the form still posts to the action.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useEffect, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { initialActionState, type ActionState } from '@/lib/actions/state';

export type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

export function useActionForm<Schema extends z.ZodType<FieldValues, FieldValues>>(
  schema: Schema,
  action: FormAction,
  defaultValues: DefaultValues<z.input<Schema>>,
) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<Schema>, unknown, z.output<Schema>>,
    defaultValues,
    // Check on submit, then as the person corrects: no error appears on blur, so the button never jumps away from a click.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  useEffect(() => {
    if (state.redirectTo) window.location.assign(state.redirectTo);
    for (const [field, messages] of Object.entries(state.fieldErrors ?? {})) {
      form.setError(field as Path<z.input<Schema>>, { type: 'server', message: messages[0] });
    }
  }, [state, form]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formData = new FormData(event.currentTarget);
    void form.handleSubmit(() => startTransition(() => formAction(formData)))(event);
  };
  return { form, state, pending, formAction, onSubmit };
}
