/** @jest-environment jsdom */
import { act, render, screen, within } from '@testing-library/react';
import { CommentsSection } from '@/components/comments/comments-section';
import type { CommentView } from '@/db/queries/comment-view';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }), usePathname: () => '/posts/pacing' }));
jest.mock('@/lib/actions/comments', () => ({}));
jest.mock('@/lib/actions/moderation', () => ({}));
jest.mock('@/lib/actions/waiting-comments', () => ({}));

const comment = (id: number, overrides: Partial<CommentView> = {}): CommentView => ({
  id,
  parentId: null,
  depth: 1,
  html: `<p>Words ${id}</p>`,
  contentNote: null,
  status: 'approved',
  createdAt: '2026-03-01T10:00:00.000Z',
  editedAt: null,
  moderatorEditedAt: null,
  author: { name: `Member ${id}`, isPostAuthor: false, isModerator: false, isGuest: false },
  ...overrides,
});

function answerViewer(viewer: object | null) {
  global.fetch = jest.fn(async () => ({ ok: true, json: async () => ({ viewer, closed: false, supportResources: [] }) })) as unknown as typeof fetch;
}
beforeEach(() => answerViewer(null));

describe('CommentsSection', () => {
  it('renders each comment as an article named by author and time, with replies as a nested, labelled list', async () => {
    render(
      <CommentsSection
        post={{ id: 1, slug: 'p', commentCount: 4, commentsClosed: false }}
        comments={[
          comment(1, { author: { name: 'Robin', isPostAuthor: true, isModerator: false, isGuest: false }, editedAt: '2026-03-02T00:00:00.000Z' }),
          comment(2, { parentId: 1, depth: 2, author: { name: 'Mo', isPostAuthor: false, isModerator: true, isGuest: false } }),
          comment(3, { contentNote: 'describes side effects' }),
          comment(4, { status: 'deleted', html: '', author: null }),
          comment(5, { parentId: 4, depth: 2 }),
        ]}
      />,
    );
    await act(async () => {}); // let the endpoint's answer land
    expect(global.fetch).toHaveBeenCalledWith('/api/posts/1/comments', expect.anything());
    expect(screen.getByRole('heading', { level: 2, name: '4 comments' })).toBeInTheDocument();
    const robin = screen.getByRole('article', { name: /^Robin/ });
    expect(robin).toHaveAttribute('id', 'comment-1');
    expect(within(robin).getByText('Author')).toBeInTheDocument();
    expect(within(robin).getByText('edited')).toBeInTheDocument();
    expect(within(robin).getByRole('link', { name: 'Link to Robin’s comment' })).toHaveAttribute('href', '#comment-1');
    const replies = within(robin).getByRole('list', { name: 'Replies to Robin' });
    expect(within(replies).getByRole('article', { name: /^Mo/ })).toHaveTextContent('Moderator');
    const noted = screen.getByRole('article', { name: /^Member 3/ });
    expect(within(noted).getByText('Content note: describes side effects. Show the comment').closest('details')).not.toHaveAttribute('open');
    expect(screen.getByRole('heading', { name: 'This comment was deleted' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Replies to a deleted comment' })).toHaveTextContent('Words 5');
    // A signed-out reader can reply to every visible comment (by email), not to the deleted placeholder.
    expect(screen.getAllByRole('button', { name: 'Reply' })).toHaveLength(4);
    for (const name of [/^Robin/, /^Mo/, /^Member 3/, /^Member 5/]) expect(within(screen.getByRole('article', { name })).getAllByRole('button', { name: 'Reply' })[0]).toBeInTheDocument();
  });

  it('opens the one-step form (name, address, reply) under a comment for a signed-out reader, and shows no Reply when comments are closed', async () => {
    const { unmount } = render(
      <CommentsSection
        post={{ id: 6, slug: 's', commentCount: 2, commentsClosed: false }}
        comments={[comment(7, { author: { name: 'Zoë O’Brien-Ñúñez', isPostAuthor: false, isModerator: false, isGuest: false } }), comment(8)]}
      />,
    );
    await act(async () => {});
    const zoe = screen.getByRole('article', { name: /^Zoë/ });
    await act(async () => within(zoe).getByRole('button', { name: 'Reply' }).click());
    expect(within(zoe).getByRole('button', { name: 'Reply' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(zoe).getByLabelText('Your reply')).toBeInTheDocument();
    expect(within(zoe).getByLabelText('Your name, as shown with the comment')).toBeInTheDocument();
    expect(within(zoe).getByLabelText('Your email address')).toBeInTheDocument();
    expect(within(zoe).getByRole('button', { name: 'Post reply' })).toBeInTheDocument();
    expect(zoe.querySelector('input[type="hidden"][name="parentId"]')).toHaveValue('7');
    unmount();

    global.fetch = jest.fn(async () => ({ ok: true, json: async () => ({ viewer: null, closed: true, supportResources: [] }) })) as unknown as typeof fetch;
    render(<CommentsSection post={{ id: 6, slug: 's', commentCount: 2, commentsClosed: true }} comments={[comment(7), comment(8)]} />);
    await act(async () => {});
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Reply' })).not.toBeInTheDocument();
  });

  it('invites the first comment on a quiet post', async () => {
    render(<CommentsSection post={{ id: 2, slug: 'q', commentCount: 0, commentsClosed: false }} comments={[]} />);
    await act(async () => {});
    expect(screen.getByText('No comments yet. Share how this landed for you.')).toBeInTheDocument();
  });
});

describe('privacy choices', () => {
  const post = { id: 3, slug: 'r', commentCount: 1, commentsClosed: false };

  it('keeps members-only threads out of the page and tells signed-out readers why', async () => {
    render(<CommentsSection post={post} comments={[]} privacy={{ membersOnly: true, noSnippet: false }} />);
    await act(async () => {});
    expect(screen.getByText('On this site, comments are visible to signed-in members only.')).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('shows a members-only thread to a signed-in member from the per-visitor endpoint', async () => {
    answerViewer({ name: 'Ash', canModerate: false, blocked: false, own: [], held: [], thread: [comment(9)] });
    render(<CommentsSection post={post} comments={[]} privacy={{ membersOnly: true, noSnippet: false }} />);
    expect(await screen.findByRole('article', { name: /^Member 9/ })).toHaveTextContent('Words 9');
  });

  it('marks the thread data-nosnippet when the site asks search engines not to quote comments', async () => {
    const { container } = render(<CommentsSection post={post} comments={[comment(1)]} privacy={{ membersOnly: false, noSnippet: true }} />);
    await act(async () => {});
    expect(container.querySelector('#comments')).toHaveAttribute('data-nosnippet');
  });
});
