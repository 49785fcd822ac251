/**
 * A post's comments: approved ones shown, held ones ("0") in the moderation queue; spam, trash, pingbacks
 * and trackbacks are counted and left out. Threads deeper than Hearth's MAX_COMMENT_DEPTH join the deepest
 * allowed level, in date order. A registered author's comment is theirs; anyone else's is a guest comment
 * (the name shown, the address kept private for claiming later; no account is made).
 */
import { findImported, recordImported, saveComment } from '@/db/queries/wordpress-import';
import { MAX_COMMENT_DEPTH } from '@/db/schema-values';
import { renderCommentMarkdown } from '@/lib/markdown';
import { wordpressToMarkdown } from './content';
import { dryId, write, type ImportContext, type Tx } from './import-context';
import { count, note } from './report';
import type { WxrComment, WxrItem } from './wxr-types';

const SKIPPED_STATUSES: Record<string, string> = { spam: 'Marked as spam on the old site.', trash: 'In the old site’s trash.' };

function skipReason(comment: WxrComment): string | null {
  if (comment.type === 'pingback' || comment.type === 'trackback') return `A ${comment.type}, not a comment.`;
  if (comment.type && comment.type !== 'comment') return `A “${comment.type}” entry, not a comment.`;
  if (SKIPPED_STATUSES[comment.approved]) return SKIPPED_STATUSES[comment.approved];
  return null;
}

const byDate = (a: WxrComment, b: WxrComment) => (a.dateGmt?.getTime() ?? 0) - (b.dateGmt?.getTime() ?? 0) || Number(a.id) - Number(b.id);

export async function importComments(ctx: ImportContext, tx: Tx, item: WxrItem, postId: number, rewriteLink: (url: string) => string | null): Promise<void> {
  const placed = new Map<string, { id: number; depth: number; parentId: number | null }>();
  for (const comment of [...item.comments].sort(byDate)) {
    const subject = `Comment ${comment.id} on “${item.title}”`;
    const reason = skipReason(comment);
    if (reason) {
      count(ctx.report, 'comment', 'skipped');
      continue;
    }
    const parent = placed.get(comment.parentId);
    const [parentId, depth] = !parent ? [null, 1] : parent.depth < MAX_COMMENT_DEPTH ? [parent.id, parent.depth + 1] : [parent.parentId, parent.depth];
    const { markdown, notes } = wordpressToMarkdown(comment.content, { rewriteLink, image: () => null }, subject);
    for (const entry of notes) note(ctx.report, entry);
    const authorId = comment.userId !== '0' ? (ctx.usersById.get(comment.userId) ?? null) : null;
    const values = {
      postId,
      parentId,
      depth,
      authorId,
      body: markdown,
      html: renderCommentMarkdown(markdown),
      status: comment.approved === '1' ? ('approved' as const) : ('pending' as const),
      createdAt: comment.dateGmt ?? item.dateGmt ?? ctx.now,
      guestName: authorId ? null : comment.author.trim() || 'A reader',
      guestEmail: authorId ? null : comment.authorEmail.trim().toLowerCase() || null,
    };
    const known = await findImported(ctx.index.source, 'comment', comment.id, tx);
    const id = await write(ctx, () => saveComment(tx, known ? Number(known) : null, values), known ? Number(known) : dryId());
    await write(ctx, () => recordImported(tx, ctx.index.source, 'comment', comment.id, id, ctx.now), undefined);
    count(ctx.report, 'comment', known ? 'updated' : 'added');
    placed.set(comment.id, { id, depth, parentId });
  }
}
