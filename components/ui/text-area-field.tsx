/** A labelled multi-line input with its hint and error tied to it for screen readers. */
import type { TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './field-frame';

type Props = {
  label: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'>;

export function TextAreaField({ label, hint, error, registration, id, ...textarea }: Props) {
  return (
    <FieldFrame id={id ?? `field-${registration.name}`} label={label} hint={hint} error={error}>
      {(control) => <textarea {...control} {...textarea} {...registration} />}
    </FieldFrame>
  );
}
