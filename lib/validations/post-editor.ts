/** Schemas of the post editor, shared by the browser (zodResolver) and the server actions. */
import { z } from 'zod';
import { checkbox } from './fields';

export const BODY_MAX_BYTES = 200 * 1024;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const optionalId = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number().int().positive().nullable());
const optionalText = (max: number, message: string) => z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null), z.string().max(max, message).nullable());

export const postEditorSchema = z.object({
  title: z.string().trim().min(1, 'Give the post a title.').max(200, 'Keep the title under 200 characters.'),
  slug: z
    .string()
    .trim()
    .min(1, 'Give the post a web address (slug).')
    .max(120, 'Keep the web address under 120 characters.')
    .regex(SLUG_PATTERN, 'Use only lowercase letters, digits and single hyphens, like “pacing-tips” (no spaces or other characters).'),
  excerpt: z.string().trim().max(500, 'Keep the summary under 500 characters.'),
  body: z
    .string()
    .refine((v) => v.trim().length > 0, 'Write the post before saving it.')
    .refine((v) => new TextEncoder().encode(v).length <= BODY_MAX_BYTES, 'The post is longer than 200 KB. Split it into two posts.'),
  categoryId: optionalId,
  tags: z
    .string()
    .max(1000, 'Too many tags.')
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim().replace(/\s+/g, ' '))
        .filter(Boolean),
    )
    .refine((list) => list.length <= 20, 'Use at most 20 tags.')
    .refine((list) => list.every((t) => t.length <= 40), 'Keep each tag under 40 characters.')
    .refine((list) => list.every((t) => /[\p{L}\p{N}]/u.test(t)), 'Each tag needs at least one letter or digit.'),
  commentsClosed: checkbox,
  contentNote: optionalText(200, 'Keep the content note under 200 characters.'),
  lastReviewedAt: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.iso.date({ error: 'Enter the date as YYYY-MM-DD.' }).nullable()),
  coverImageId: optionalId,
  coverAlt: optionalText(300, 'Keep the image description under 300 characters.'),
});
export type PostEditorInput = z.input<typeof postEditorSchema>;
export type PostEditorValues = z.output<typeof postEditorSchema>;

/**
 * The saved post a publishing button acts on, from the form's hidden field. Before the first save it
 * is empty (null): the action answers that itself, since nobody can see or correct a hidden field.
 */
const savedPostId = z.preprocess((v) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : null), z.number().int().positive().nullable()).catch(null);
export const postIdSchema = z.object({ postId: savedPostId });

/** The editor form as the server receives it: the post's fields and which post (none yet for a new one). */
export const savePostSchema = postEditorSchema.extend({ postId: savedPostId });

/** Publish now: with the editor's fields (they are saved first), or with only the post's id (its saved version as it is). */
export const publishPostSchema = z.union([savePostSchema, postIdSchema.strict()]);

/** Restore: which post, and which of its revisions (an id that is not a number finds none). */
export const restoreRevisionSchema = postIdSchema.extend({ revisionId: z.coerce.number().int().positive().catch(0) });

/**
 * "Schedule for": the date and time as the editor's browser shows them, with its offset from UTC
 * (minutes, as getTimezoneOffset gives it), so the post appears at the moment the editor meant.
 */
export const scheduleSchema = z
  .object({
    publishAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Choose a date and time.'),
    timezoneOffset: z.coerce.number().int().min(-840).max(840),
  })
  .transform(({ publishAt, timezoneOffset }) => ({ at: new Date(Date.parse(`${publishAt}:00Z`) + timezoneOffset * 60_000) }))
  .refine(({ at }) => !Number.isNaN(at.getTime()), { message: 'Choose a date and time.', path: ['publishAt'] })
  .refine(({ at }) => at.getTime() > Date.now(), { message: 'Choose a time in the future.', path: ['publishAt'] });
export type ScheduleInput = z.input<typeof scheduleSchema>;
export const schedulePostSchema = postIdSchema.and(scheduleSchema);

export const deletePostSchema = z.object({
  confirm: z.string().refine((v) => v.trim().toLowerCase() === 'delete', 'Type “delete” to confirm.'),
});
export const deletePostFormSchema = deletePostSchema.extend({ postId: savedPostId });
