/** The comment form's schema, shared by the browser and the server actions. */
import { z } from 'zod';
import { displayNameSchema } from './display-name';
import { signedLinkSchema } from './one-button';
import { emailAddressSchema } from './sign-in';
import { COMMENT_MAX_LENGTH, CONTENT_NOTE_MAX_LENGTH, REPORT_REASON_LABELS } from './comment-limits';

/** NUL bytes, and the replacement character or lone surrogates that invalid UTF-8 turns into. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const unreadable = /[\u0000\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const commentBodySchema = z
  .string({ error: 'Write something before posting.' })
  .refine((value) => !unreadable.test(value), 'Your comment contains characters that could not be read (for example from a broken paste). Please remove them and try again.')
  .transform((value) => value.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(1, 'Write something before posting.')
      .max(COMMENT_MAX_LENGTH, `Comments can be up to ${COMMENT_MAX_LENGTH.toLocaleString('en')} characters.`),
  );

export const contentNoteSchema = z
  .string()
  .max(CONTENT_NOTE_MAX_LENGTH, `Keep the content note to ${CONTENT_NOTE_MAX_LENGTH} characters.`)
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
  .refine((value) => !/[\u0000-\u001f\u007f\uFFFD]/.test(value), 'A content note cannot contain line breaks or control characters.')
  .transform((value) => value.trim() || undefined)
  .optional();

const idSchema = z.coerce.number().int().positive();

export const commentSchema = z.object({
  postId: idSchema,
  parentId: z.union([z.literal('').transform(() => undefined), idSchema]).optional(),
  body: commentBodySchema,
  contentNote: contentNoteSchema,
  /** Honeypot: hidden from people, filled in by bots. */
  website: z.string().max(0, 'Something went wrong with the form. Please reload the page.').optional(),
});
export type CommentInput = z.input<typeof commentSchema>;

export const editCommentSchema = z.object({
  commentId: idSchema,
  body: commentBodySchema,
  contentNote: contentNoteSchema,
});
export type EditCommentInput = z.input<typeof editCommentSchema>;

export const reportSchema = z.object({
  commentId: idSchema,
  reason: z.enum(Object.keys(REPORT_REASON_LABELS) as [keyof typeof REPORT_REASON_LABELS], { error: 'Choose a reason.' }),
  note: z
    .string()
    .max(500, 'Keep the note to 500 characters.')
    .transform((value) => value.trim() || undefined)
    .optional(),
});
export type ReportInput = z.input<typeof reportSchema>;

/** A new comment or reply from someone not signed in: the comment, the name to show and the address the link goes to. */
export const waitingCommentSchema = commentSchema.extend({
  name: displayNameSchema.shape.name,
  email: emailAddressSchema,
});
export type WaitingCommentInput = z.input<typeof waitingCommentSchema>;

/**
 * The confirmation page's button. `underThread` is sent only when that page told the reader that the
 * comment they replied to is gone and their reply will go under the thread instead.
 */
export const confirmWaitingCommentSchema = signedLinkSchema.extend({ underThread: z.literal('1').optional().catch(undefined) });
