import type { CommentView } from '@/db/queries/comment-view';
import { pageOfComment, threadPage } from '@/lib/comments/thread-pages';

const view = (id: number, parentId: number | null = null): CommentView => ({
  id,
  parentId,
  depth: parentId === null ? 1 : 2,
  html: `<p>${id}</p>`,
  contentNote: null,
  status: 'approved',
  createdAt: new Date(Date.UTC(2026, 0, 1) + id * 60_000).toISOString(),
  editedAt: null,
  moderatorEditedAt: null,
  author: { name: `Member ${id}`, isPostAuthor: false, isModerator: false, isGuest: false },
});

/** Conversations of the given sizes, oldest first: a top-level comment and its replies, ids counting up. */
function thread(...sizes: number[]): CommentView[] {
  const flat: CommentView[] = [];
  for (const size of sizes) {
    const root = flat.length + 1;
    flat.push(view(root));
    for (let i = 1; i < size; i++) flat.push(view(flat.length + 1, root));
  }
  return flat;
}
const ids = (page: { comments: CommentView[] } | null) => page?.comments.map((c) => c.id);

describe('threadPage', () => {
  it('keeps a short thread whole on the post page', () => {
    expect(threadPage(thread(3, 1, 2), 0)).toEqual({ comments: thread(3, 1, 2), page: 0, earlierPages: 0, before: 0 });
    expect(threadPage(thread(3), 1)).toBeNull();
    expect(threadPage([], 0)).toMatchObject({ comments: [], earlierPages: 0 });
  });

  it('puts the newest whole conversations on the post page and the rest on pages numbered from the oldest', () => {
    // Conversations of 4, 3, 2, 3, 2 comments (ids 1-4, 5-7, 8-9, 10-12, 13-14) in pages of up to 5.
    const flat = thread(4, 3, 2, 3, 2);
    expect(threadPage(flat, 0, 5)).toMatchObject({ page: 0, earlierPages: 2, before: 9 });
    expect(ids(threadPage(flat, 0, 5))).toEqual([10, 11, 12, 13, 14]);
    expect(ids(threadPage(flat, 1, 5))).toEqual([1, 2, 3, 4]);
    expect(threadPage(flat, 2, 5)).toMatchObject({ page: 2, before: 4, comments: [5, 6, 7, 8, 9].map((id) => ({ id })) });
    expect(threadPage(flat, 3, 5)).toBeNull();
    expect(threadPage(flat, -1, 5)).toBeNull();
    expect(threadPage(flat, 1.5, 5)).toBeNull();
  });

  it('gives a conversation longer than a page a page of its own, and keeps replies with their conversation', () => {
    const flat = thread(2, 7, 1);
    expect(ids(threadPage(flat, 0, 5))).toEqual([10]);
    expect(ids(threadPage(flat, 2, 5))).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(ids(threadPage(flat, 1, 5))).toEqual([1, 2]);
  });
});

describe('pageOfComment', () => {
  it('finds the page showing a comment or a reply, and nothing for a comment the thread does not show', () => {
    const flat = thread(4, 3, 2, 3, 2);
    expect(pageOfComment(flat, 14, 5)).toBe(0);
    expect(pageOfComment(flat, 3, 5)).toBe(1);
    expect(pageOfComment(flat, 9, 5)).toBe(2);
    expect(pageOfComment(flat, 99, 5)).toBeNull();
  });
});
