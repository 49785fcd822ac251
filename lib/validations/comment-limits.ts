/**
 * The comment forms' plain values, apart from their zod schemas (lib/validations/comment.ts) so the
 * reader pages can show them without loading zod; the schemas are fetched when a form is first checked.
 */
export const COMMENT_MAX_LENGTH = 5000;
export const CONTENT_NOTE_MAX_LENGTH = 80;

export const REPORT_REASON_LABELS = {
  spam: 'Spam or advertising',
  unkind: 'Unkind or hurtful',
  unsafe: 'Unsafe (for example self-harm)',
  misinformation: 'Medical misinformation',
  other: 'Something else',
} as const;
