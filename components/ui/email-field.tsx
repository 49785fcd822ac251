/** The "Email address" field of the sign-in and subscribe forms: the right keyboard and autofill. */
import type { UseFormRegisterReturn } from 'react-hook-form';
import { TextField } from './text-field';

type Props = { registration: UseFormRegisterReturn; error?: string; hint?: string; id?: string };

export function EmailField({ registration, error, hint, id }: Props) {
  return <TextField id={id} label="Email address" hint={hint} type="email" autoComplete="email" inputMode="email" error={error} registration={registration} />;
}
