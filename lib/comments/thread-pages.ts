/**
 * Pages of a long comment thread, so the post page stays light: the post page carries the newest
 * conversations (whole, about 50 comments); the older ones are on numbered pages, page 1 the oldest,
 * so a page's address keeps its comments as new conversations arrive at the other end.
 */
import type { CommentView } from '@/db/queries/comment-view';
import { buildThread, type CommentNode } from './thread';

export const COMMENTS_PER_PAGE = 50;

/** The lasting address of a public comment, for links from elsewhere (emails, the moderation queue): it redirects to the page showing it. */
export const commentPermalink = (commentId: number) => `/comments/${commentId}`;

export type ThreadPage = {
  /** Whole conversations, oldest first (the order buildThread expects). */
  comments: CommentView[];
  /** 0: the post page's newest conversations; 1…earlierPages: the older pages, 1 the oldest. */
  page: number;
  earlierPages: number;
  /** How many comments come before this page. */
  before: number;
};

const sizeOf = (node: CommentNode): number => 1 + node.replies.reduce((n, reply) => n + sizeOf(reply), 0);

function flatten(nodes: CommentNode[], into: CommentView[] = []): CommentView[] {
  for (const { replies, ...view } of nodes) {
    into.push(view);
    flatten(replies, into);
  }
  return into;
}

/** Cuts conversations (in order) into runs of up to `limit` comments; a longer conversation is a run of its own. */
function fill(nodes: CommentNode[], limit: number): CommentNode[][] {
  const runs: CommentNode[][] = [];
  let run: CommentNode[] = [];
  let size = 0;
  for (const node of nodes) {
    const n = sizeOf(node);
    if (run.length > 0 && size + n > limit) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(node);
    size += n;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Every page of a thread, from the oldest earlier page to the post page's newest conversations (last). */
function allPages(flat: CommentView[], perPage: number): CommentNode[][] {
  const threads = buildThread(flat);
  // The newest conversations are chosen from the end, so the post page is as full as it can be.
  const [recent = [], ...olderFromNewest] = fill([...threads].reverse(), perPage);
  const older = olderFromNewest.flat().reverse();
  return [...fill(older, perPage), recent.reverse()];
}

/** One page of the thread (0 = the post page), or null when there is no such page. */
export function threadPage(flat: CommentView[], page: number, perPage = COMMENTS_PER_PAGE): ThreadPage | null {
  const pages = allPages(flat, perPage);
  const earlierPages = pages.length - 1;
  const index = page === 0 ? earlierPages : page - 1;
  if (!Number.isInteger(page) || page < 0 || page > earlierPages) return null;
  const before = pages.slice(0, index).reduce((n, nodes) => n + nodes.reduce((m, node) => m + sizeOf(node), 0), 0);
  return { comments: flatten(pages[index]), page, earlierPages, before };
}

/** The page that shows a comment (0 = the post page), or null when the thread does not show it. */
export function pageOfComment(flat: CommentView[], commentId: number, perPage = COMMENTS_PER_PAGE): number | null {
  const pages = allPages(flat, perPage);
  const index = pages.findIndex((nodes) => flatten(nodes).some((c) => c.id === commentId));
  if (index === -1) return null;
  return index === pages.length - 1 ? 0 : index + 1;
}
