/**
 * The subscriber import form (/admin/subscribers/import), shared by the browser and the server action.
 * The admin must choose how people come in (no default); "already agreed" needs the consent box ticked.
 */
import { z } from 'zod';

export const SUBSCRIBER_IMPORT_MODES = ['confirmed', 'ask'] as const;
/** "preview": read the file and count; "import": write. The same fields both times. */
export const SUBSCRIBER_IMPORT_STEPS = ['preview', 'import'] as const;

/** A FileList (browser) or a File (server) holding one non-empty file. */
function oneFile(value: unknown): boolean {
  const file = typeof FileList !== 'undefined' && value instanceof FileList ? value[0] : value;
  return typeof Blob !== 'undefined' && file instanceof Blob && file.size > 0;
}

export const subscriberImportSchema = z
  .object({
    file: z.unknown().refine(oneFile, 'Choose the CSV file of subscribers.'),
    mode: z.enum(SUBSCRIBER_IMPORT_MODES, { error: 'Choose how to bring these people in.' }),
    consent: z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean()),
    step: z.enum(SUBSCRIBER_IMPORT_STEPS).default('preview'),
  })
  .refine((input) => input.mode !== 'confirmed' || input.consent, {
    path: ['consent'],
    message: 'Tick this box to confirm that every person on the list agreed to receive your posts by email.',
  });

export type SubscriberImportInput = z.input<typeof subscriberImportSchema>;
