/**
 * The subscriber import form (/admin/subscribers/import), shared by the browser and the server action.
 * The admin must choose how people come in (no default); "already agreed" needs the consent box ticked.
 */
import { z } from 'zod';

export const SUBSCRIBER_IMPORT_MODES = ['confirmed', 'ask'] as const;
/** "preview": read the file and count; "import": write. The same fields both times. */
export const SUBSCRIBER_IMPORT_STEPS = ['preview', 'import'] as const;

/**
 * Next's limit on a server action's request body (1 MB, about 30,000 addresses): a larger list is
 * refused here with a clear message rather than by Next with a generic error.
 */
export const SUBSCRIBER_FILE_MAX_BYTES = 1024 * 1024 - 16 * 1024;

/** The one file in a FileList (browser) or the File itself (server). */
function fileOf(value: unknown): Blob | null {
  const file = typeof FileList !== 'undefined' && value instanceof FileList ? value[0] : value;
  return typeof Blob !== 'undefined' && file instanceof Blob ? file : null;
}

export const subscriberImportSchema = z
  .object({
    file: z
      .unknown()
      .refine((value) => (fileOf(value)?.size ?? 0) > 0, 'Choose the CSV file of subscribers.')
      .refine((value) => (fileOf(value)?.size ?? 0) <= SUBSCRIBER_FILE_MAX_BYTES, 'This file is larger than 1 MB: split the list into smaller files and import each.'),
    mode: z.enum(SUBSCRIBER_IMPORT_MODES, { error: 'Choose how to bring these people in.' }),
    consent: z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean()),
    step: z.enum(SUBSCRIBER_IMPORT_STEPS).default('preview'),
  })
  .refine((input) => input.mode !== 'confirmed' || input.consent, {
    path: ['consent'],
    message: 'Tick this box to confirm that every person on the list agreed to receive your posts by email.',
  });

export type SubscriberImportInput = z.input<typeof subscriberImportSchema>;
