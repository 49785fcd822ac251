/** Turns the flat, oldest-first list of comments into nested threads. */
import type { CommentView } from '@/db/queries/comment-view';

export type CommentNode = CommentView & { replies: CommentNode[] };

export function buildThread(flat: CommentView[]): CommentNode[] {
  const nodes = new Map(flat.map((c) => [c.id, { ...c, replies: [] as CommentNode[] }]));
  const roots: CommentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    // A reply whose parent is no longer shown (marked as spam) stays readable at the top level.
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}
