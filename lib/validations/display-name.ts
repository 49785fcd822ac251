/** The display name form: what everyone else sees next to a member's words. */
import { z } from 'zod';

export const displayNameSchema = z.object({
  name: z
    .string({ error: 'Choose a display name.' })
    // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'A display name cannot contain control characters or line breaks.')
    .transform((value) => value.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(2, 'Use at least 2 characters.').max(50, 'Use 50 characters at most.')),
});
export type DisplayNameInput = z.input<typeof displayNameSchema>;

/** The first-sign-in step (/welcome): the name, and where the person was going (checked before use). */
export const welcomeNameSchema = displayNameSchema.extend({ next: z.string().max(2000).catch('/') });
