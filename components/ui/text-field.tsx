/** A labelled input with its hint and error tied to it for screen readers. */
import type { InputHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './field-frame';

type Props = {
  label: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>;

export function TextField({ label, hint, error, registration, id, ...input }: Props) {
  return (
    <FieldFrame id={id ?? `field-${registration.name}`} label={label} hint={hint} error={error}>
      {(control) => <input {...control} {...input} {...registration} />}
    </FieldFrame>
  );
}
