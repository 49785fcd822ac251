'use server';
/** The media library's actions: describe an image, delete one that nothing uses. Authors and admins, like uploading. */
import { z } from 'zod';
import { updateUploadDetails } from '@/db/queries/uploads';
import { deleteUpload } from '@/lib/media-library';
import { WRITERS } from '@/lib/roles';
import { uploadDetailsSchema } from '@/lib/validations/media';
import { argsAction, formAction } from './guarded';

const writers = { roles: WRITERS, refusal: 'Only authors and admins can change the media library.' };

// Posts keep their own copy of the alt text and caption in their Markdown, so no reader page changes here.
export const updateUploadDetailsAction = formAction({ name: 'image details', access: writers, schema: uploadDetailsSchema }, async ({ id, alt, caption }, user) =>
  (await updateUploadDetails(user, id, { alt, caption })) ? { ok: true, message: 'Saved.' } : { ok: false, message: 'That image has been deleted.' },
);

// Only an image nothing uses can go, so no reader page loses a picture.
export const deleteUploadAction = argsAction({ name: 'image delete', access: writers, schema: z.tuple([z.number().int().positive()]) }, ([id], user) => deleteUpload(user, id));
