/** The post editor's form fields as the editor opens them for a saved post (lib/validations/post-editor.ts). */
import type { SiteDatabase } from '../../helpers/site-database';

type PostRow = {
  title: string;
  slug: string;
  excerpt: string | null;
  body: string;
  category_id: number | null;
  comments_closed: number;
  content_note: string | null;
  last_reviewed_at: number | null;
  cover_image_id: number | null;
  cover_alt: string | null;
};

const text = (value: string | number | null) => (value === null ? '' : String(value));

export async function editorFieldsOf(db: SiteDatabase, postId: number): Promise<Record<string, string>> {
  const post = await db.get<PostRow>('SELECT title, slug, excerpt, body, category_id, comments_closed, content_note, last_reviewed_at, cover_image_id, cover_alt FROM posts WHERE id = ?', [postId]);
  if (!post) throw new Error(`no post ${postId}`);
  const tags = await db.all<{ name: string }>('SELECT t.name FROM tags t JOIN post_tags pt ON pt.tag_id = t.id WHERE pt.post_id = ? ORDER BY t.name', [postId]);
  return {
    postId: String(postId),
    title: post.title,
    slug: post.slug,
    excerpt: text(post.excerpt),
    body: post.body,
    categoryId: text(post.category_id),
    tags: tags.map((tag) => tag.name).join(', '),
    // A checkbox: sent only when ticked.
    ...(post.comments_closed ? { commentsClosed: 'on' } : {}),
    contentNote: text(post.content_note),
    lastReviewedAt: post.last_reviewed_at === null ? '' : new Date(post.last_reviewed_at).toISOString().slice(0, 10),
    coverImageId: text(post.cover_image_id),
    coverAlt: text(post.cover_alt),
  };
}
