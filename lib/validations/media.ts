/** The media library's forms: an image's alt text and caption, and the editor's "Insert image" dialog. */
import { z } from 'zod';

const alt = z.string().trim().max(300, 'Keep the description under 300 characters.');
const caption = z.string().trim().max(500, 'Keep the caption under 500 characters.');

export const uploadDetailsSchema = z.object({
  id: z.coerce.number({ error: 'Choose an image.' }).int('Choose an image.').positive('Choose an image.'),
  alt,
  caption,
});
export type UploadDetailsInput = z.input<typeof uploadDetailsSchema>;

/** Alt text is required unless the writer says, explicitly, that the picture is only decoration. */
export const insertImageSchema = z
  .object({ alt, caption, decorative: z.boolean() })
  .refine((v) => v.decorative || v.alt.length > 0, { path: ['alt'], message: 'Describe the image for people who cannot see it, or mark it as decoration only.' });
export type InsertImageInput = z.input<typeof insertImageSchema>;
