/** Deleting an account needs a deliberate confirmation. */
import { z } from 'zod';

export const DELETE_CONFIRMATION = 'delete my account';

export const deleteAccountSchema = z.object({
  comments: z.enum(['keep', 'remove'], { error: 'Choose what happens to your comments.' }),
  confirmation: z
    .string({ error: `Type “${DELETE_CONFIRMATION}” to confirm.` })
    .transform((value) => value.trim().toLowerCase())
    .refine((value) => value === DELETE_CONFIRMATION, `Type “${DELETE_CONFIRMATION}” to confirm.`),
});
export type DeleteAccountInput = z.input<typeof deleteAccountSchema>;
