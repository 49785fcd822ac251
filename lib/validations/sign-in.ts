/** Schemas of the sign-in forms, shared by the browser (zodResolver) and the server actions. */
import { z } from 'zod';
import { isWellFormedSignInCode, normalizeSignInCode } from '@/lib/sign-in-code';

export const EMAIL_MAX_LENGTH = 254;

/** A single email address: no line breaks (header injection), trimmed, lower-cased, at most 254 characters. */
export const emailAddressSchema = z
  .string({ error: 'Enter your email address.' })
  .refine((value) => !/[\r\n]/.test(value), 'An email address cannot contain line breaks.')
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, 'Enter your email address.')
      .max(EMAIL_MAX_LENGTH, `That address is too long (${EMAIL_MAX_LENGTH} characters at most).`)
      .pipe(z.email('Enter a valid email address, like name@example.org.')),
  );

export const signInSchema = z.object({
  email: emailAddressSchema,
  callbackUrl: z.string().max(2000, 'That return address is too long.').optional(),
});
export type SignInInput = z.input<typeof signInSchema>;

export const signInCodeSchema = z.object({
  code: z
    .string({ error: 'Enter the code from the email.' })
    .max(40, 'Codes are 8 letters and numbers, like ABCD-EF23.')
    .transform(normalizeSignInCode)
    .refine((code) => code.length > 0, 'Enter the code from the email.')
    .refine(isWellFormedSignInCode, 'Codes are 8 letters and numbers, like ABCD-EF23.'),
});
export type SignInCodeInput = z.input<typeof signInCodeSchema>;

/** The emailed link's confirmation button: the address, code and return path the link carried. */
export const confirmSignInSchema = z.object({
  email: emailAddressSchema,
  token: z.string().max(40),
  callbackUrl: z.string().max(2000).optional(),
});
