/**
 * A post's fields in their three shapes: the editor form's strings, the parsed values, and the snapshot
 * that working copies and revisions keep. The editor opens a working copy or a revision through these.
 */
import { z } from 'zod';
import { postSnapshot, type EditablePost, type PostFields, type PostSnapshot } from '@/db/queries/editor-posts';
import type { PostEditorInput, PostEditorValues } from '@/lib/validations/post-editor';
import type { FieldLabel } from './safe-edit';

export function postFieldsOf(values: PostEditorValues): PostFields {
  const { tags, lastReviewedAt, ...rest } = values;
  return { ...rest, tagNames: tags, lastReviewedAt: lastReviewedAt ? new Date(`${lastReviewedAt}T00:00:00Z`) : null };
}

export const snapshotOfValues = (values: PostEditorValues): PostSnapshot => postSnapshot(postFieldsOf(values));

export const postSnapshotOf = (post: EditablePost): PostSnapshot => postSnapshot(post);

export function editorInputOf(post: PostSnapshot): PostEditorInput {
  return {
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt,
    body: post.body,
    categoryId: post.categoryId === null ? '' : String(post.categoryId),
    tags: post.tagNames.join(', '),
    commentsClosed: post.commentsClosed,
    contentNote: post.contentNote ?? '',
    lastReviewedAt: post.lastReviewedAt ?? '',
    coverImageId: post.coverImageId === null ? '' : String(post.coverImageId),
    coverAlt: post.coverAlt ?? '',
  };
}

// Written by this app only, but read back defensively: an unreadable one is an error, never half-used.
const storedSnapshot = z.object({
  title: z.string(),
  slug: z.string(),
  excerpt: z.string(),
  body: z.string(),
  categoryId: z.number().nullable(),
  tagNames: z.array(z.string()),
  commentsClosed: z.boolean(),
  contentNote: z.string().nullable(),
  lastReviewedAt: z.string().nullable(),
  coverImageId: z.number().nullable(),
  coverAlt: z.string().nullable(),
});

export const readPostSnapshot = (stored: Record<string, unknown>): PostSnapshot => storedSnapshot.parse(stored);

type DiffKey = 'title' | 'slug' | 'excerpt' | 'category' | 'tags' | 'body' | 'cover' | 'contentNote' | 'lastReviewedAt' | 'comments';

export const POST_DIFF_LABELS: FieldLabel<DiffKey>[] = [
  { key: 'title', label: 'Title' },
  { key: 'slug', label: 'Web address' },
  { key: 'excerpt', label: 'Summary' },
  { key: 'category', label: 'Category' },
  { key: 'tags', label: 'Tags' },
  { key: 'body', label: 'Text' },
  { key: 'cover', label: 'Cover image description' },
  { key: 'contentNote', label: 'Content note' },
  { key: 'lastReviewedAt', label: 'Last reviewed' },
  { key: 'comments', label: 'Comments' },
];

/** A version as words a person compares (the category by name). */
export function comparablePost(post: PostSnapshot, categoryName: (id: number) => string): Record<DiffKey, string> {
  return {
    title: post.title,
    slug: `/posts/${post.slug}`,
    excerpt: post.excerpt,
    category: post.categoryId === null ? 'No category' : categoryName(post.categoryId),
    tags: post.tagNames.join(', '),
    body: post.body,
    cover: post.coverImageId === null ? 'No cover image' : (post.coverAlt ?? ''),
    contentNote: post.contentNote ?? '',
    lastReviewedAt: post.lastReviewedAt ?? '',
    comments: post.commentsClosed ? 'Closed' : 'Open',
  };
}
