/** @jest-environment jsdom */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommentComposer } from '@/components/comments/comment-composer';
import { CommentsProvider, type CommentViewer } from '@/components/comments/comments-context';
import { requestWaitingCommentAction } from '@/lib/actions/waiting-comments';

const refreshPage = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: refreshPage }), usePathname: () => '/posts/pacing' }));
// The server action's module (a reference in the real client bundle); the rules behind it have their own integration tests.
jest.mock('@/lib/actions/waiting-comments', () => ({ requestWaitingCommentAction: jest.fn() }));

const member: CommentViewer = { id: 'member-ash', name: 'Ash', canModerate: false, blocked: false, own: [], held: [] };
type Answer = { status: number; body: unknown };

/** The browser's view of the comments route: GET answers who is reading, each POST takes the next answer. */
function answerRoute(posts: Answer[], viewer: CommentViewer | null = member) {
  const sent: { url: string; init: RequestInit }[] = [];
  global.fetch = jest.fn(async (url: string, init: RequestInit = {}) => {
    if (init.method !== 'POST') return { ok: true, status: 200, json: async () => ({ viewer, closed: false, supportResources: [] }) };
    sent.push({ url, init });
    const { status, body } = posts.shift()!;
    return { ok: status < 300, status, json: async () => body };
  }) as unknown as typeof fetch;
  return sent;
}

async function renderComposer() {
  render(
    <CommentsProvider postId={7} postPath="/posts/pacing" closed={false}>
      <CommentComposer />
    </CommentsProvider>,
  );
  await act(async () => {}); // let the viewer's answer land
}

async function send(text: string) {
  await userEvent.type(screen.getByLabelText('Your comment'), text);
  await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
}

beforeEach(() => {
  window.localStorage.clear();
  jest.mocked(requestWaitingCommentAction).mockReset();
  refreshPage.mockClear();
});

describe('CommentComposer', () => {
  it('asks a signed-out reader for a name and an address, sends them with the comment to the server action, and keeps the draft until it is accepted', async () => {
    const sent = answerRoute([], null);
    const request = jest.mocked(requestWaitingCommentAction).mockResolvedValue({ ok: true, message: 'Almost there: we emailed you a link.' });
    window.localStorage.setItem('hearth:comment-draft:guest:7:new', 'Kept from before the reload.');
    await renderComposer();
    expect(await screen.findByDisplayValue('Kept from before the reload.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Your name, as shown with the comment'), 'Zoë O’Brien-Ñúñez');
    await userEvent.type(screen.getByLabelText('Your email address'), 'zoe@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText('Almost there: we emailed you a link.')).toBeInTheDocument();
    expect(sent).toHaveLength(0);
    const posted = request.mock.calls[0][1] as FormData;
    expect(Object.fromEntries(posted)).toMatchObject({ postId: '7', body: 'Kept from before the reload.', name: 'Zoë O’Brien-Ñúñez', email: 'zoe@example.org' });
    await waitFor(() => expect(screen.getByLabelText('Your comment')).toHaveValue(''));
    expect(window.localStorage.getItem('hearth:comment-draft:guest:7:new')).toBeNull();
  });

  it('shows a signed-out reader the address field’s error and keeps the text', async () => {
    answerRoute([], null);
    await renderComposer();
    await userEvent.type(screen.getByLabelText('Your comment'), 'Words.');
    await userEvent.type(screen.getByLabelText('Your name, as shown with the comment'), 'Łukasz');
    await userEvent.type(screen.getByLabelText('Your email address'), 'not an address');
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText('Enter a valid email address, like name@example.org.')).toBeInTheDocument();
    expect(requestWaitingCommentAction).not.toHaveBeenCalled();
    expect(window.localStorage.getItem('hearth:comment-draft:guest:7:new')).toBe('Words.');
  });

  it('posts JSON to the comments route and refreshes the page once the comment is public', async () => {
    const sent = answerRoute([{ status: 201, body: { ok: true, id: 12, status: 'approved', message: 'Your comment is published.' } }]);
    await renderComposer();
    await send('Pacing helps.');
    expect(await screen.findByText('Your comment is published.')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('/api/posts/7/comments');
    expect(sent[0].init.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(JSON.parse(String(sent[0].init.body))).toEqual({ body: 'Pacing helps.', contentNote: '', website: '' });
    await waitFor(() => expect(screen.getByLabelText('Your comment')).toHaveValue(''));
    expect(refreshPage).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem('hearth:comment-draft:member:member-ash:7:new')).toBeNull();
  });

  it('says a held comment awaits moderation without reloading the page', async () => {
    const message = 'Thank you! Your comment is awaiting moderation. Only you and the moderators can see it until it is approved.';
    answerRoute([{ status: 201, body: { ok: true, id: 13, status: 'pending', message } }]);
    await renderComposer();
    await send('My first comment.');
    expect(await screen.findByText(message)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Your comment')).toHaveValue(''));
    expect(refreshPage).not.toHaveBeenCalled();
  });

  it('puts the server’s field errors on the fields and keeps the text', async () => {
    answerRoute([{ status: 400, body: { ok: false, message: 'Please check the highlighted field.', fieldErrors: { contentNote: ['Keep the content note to 80 characters.'] } } }]);
    await renderComposer();
    await send('Words.');
    expect(await screen.findByText('Keep the content note to 80 characters.')).toBeInTheDocument();
    expect(screen.getByLabelText('Content note (optional)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Your comment')).toHaveValue('Words.');
    expect(window.localStorage.getItem('hearth:comment-draft:member:member-ash:7:new')).toBe('Words.');
  });

  it('offers to sign in again when the session has ended, keeping the text', async () => {
    answerRoute([{ status: 401, body: { ok: false, message: 'Your session has ended. Sign in again and your comment will still be here.' } }]);
    await renderComposer();
    await send('Do not lose me.');
    expect(await screen.findByRole('link', { name: 'Sign in again (your text is kept)' })).toHaveAttribute('href', '/signin?callbackUrl=%2Fposts%2Fpacing%23comment-form');
    expect(screen.getByLabelText('Your comment')).toHaveValue('Do not lose me.');
  });

  it('shows a refusal by a rule, and a clear word when the answer is not the route’s JSON', async () => {
    answerRoute([
      { status: 422, body: { ok: false, message: 'Comments are closed on this post.' } },
      { status: 502, body: undefined },
    ]);
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
    await renderComposer();
    await send('Still here.');
    expect(await screen.findByText('Comments are closed on this post.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText(/Something went wrong on our side/)).toBeInTheDocument();
    expect(logged).toHaveBeenCalledWith('The comment route answered 502 without JSON');
    expect(screen.getByLabelText('Your comment')).toHaveValue('Still here.');
    logged.mockRestore();
  });
});
