'use client';
/**
 * react-hook-form + zod in the browser, a server action behind it. Checks run before sending;
 * the server checks again and its answer wins (its field errors land on the fields).
 * Without JavaScript the form still posts to the action.
 * Forms on reader pages pass their schema as a loader (`() => import(...)`): zod then arrives only when
 * the form is first checked, not with every page (it is about 45 kB gzipped).
 */
import { startTransition, useEffect, useState, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { FormAction } from '@/lib/actions/state';
import { useFormAction } from './use-form-action';

type AnySchema = z.ZodType<FieldValues, FieldValues>;
export type SchemaSource<Schema extends AnySchema> = Schema | (() => Promise<Schema>);

/** A resolver that loads the schema and zod's resolver on first use. If they cannot load, the server still checks. */
function lazyZodResolver<Schema extends AnySchema>(source: SchemaSource<Schema>): Resolver<z.input<Schema>, unknown, z.output<Schema>> {
  let ready: Promise<Resolver<z.input<Schema>, unknown, z.output<Schema>>> | null = null;
  return async (values, context, options) => {
    ready ??= Promise.all([typeof source === 'function' ? source() : source, import('@hookform/resolvers/zod')]).then(
      ([schema, { zodResolver }]) => zodResolver(schema as never) as unknown as Resolver<z.input<Schema>, unknown, z.output<Schema>>,
    );
    try {
      return await (
        await ready
      )(values, context, options);
    } catch (error) {
      ready = null; // try loading again next time
      console.error('The form’s checks could not load; sending it to the server, which checks it:', error);
      return { values: values as unknown as z.output<Schema>, errors: {} };
    }
  };
}

/** `anchor`: see useFormAction, for a form that can appear twice on one page. */
export function useActionForm<Schema extends AnySchema>(schema: SchemaSource<Schema>, action: FormAction, defaultValues: DefaultValues<z.input<Schema>>, anchor?: string) {
  const [state, formAction, pending] = useFormAction(action, anchor);
  const [resolver] = useState(() => lazyZodResolver(schema));
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver,
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
