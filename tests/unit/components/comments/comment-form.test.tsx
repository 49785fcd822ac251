/** @jest-environment jsdom */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommentForm } from '@/components/comments/comment-form';
import { CommentsProvider, type CommentViewer } from '@/components/comments/comments-context';
import type { ActionState } from '@/lib/actions/state';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }), usePathname: () => '/posts/pacing' }));

const member: CommentViewer = { id: 'member-ash', name: 'Ash', canModerate: false, blocked: false, own: [], held: [] };

/** The per-visitor endpoint answers as a browser would see it. */
function answerViewer(viewer: CommentViewer | null) {
  global.fetch = jest.fn(async () => ({ ok: true, json: async () => ({ viewer, closed: false, supportResources: [] }) })) as unknown as typeof fetch;
}

async function renderForm(action: (prev: ActionState, data: FormData) => Promise<ActionState>, viewer: CommentViewer | null = member) {
  answerViewer(viewer);
  render(
    <CommentsProvider postId={7} postPath="/posts/pacing" closed={false}>
      <CommentForm mode="new" action={action} />
    </CommentsProvider>,
  );
  await act(async () => {}); // let the endpoint's answer land
}

beforeEach(() => window.localStorage.clear());

describe('CommentForm', () => {
  it('counts characters as the member types and refuses empty or over-long text before sending', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: true }));
    await renderForm(action);
    const box = screen.getByLabelText('Your comment');
    await userEvent.type(box, 'Hello');
    expect(screen.getByText('5 / 5,000 characters')).toBeInTheDocument();
    await userEvent.clear(box);
    await userEvent.click(await screen.findByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText('Write something before posting.')).toBeInTheDocument();
    await userEvent.click(box);
    await userEvent.paste('x'.repeat(5001));
    expect(screen.getByText('5,001 / 5,000 characters')).toHaveClass('field__count--over');
    expect(await screen.findByText('Comments can be up to 5,000 characters.')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });

  it('keeps the text and shows why when the server refuses, and clears the draft once accepted', async () => {
    const answers: ActionState[] = [
      { ok: false, message: 'You are commenting very quickly. Please wait a few seconds and send it again; your text is kept.' },
      { ok: true, message: 'Your comment is published.' },
    ];
    const action = jest.fn(async (): Promise<ActionState> => answers.shift()!);
    await renderForm(action);
    await userEvent.type(screen.getByLabelText('Your comment'), 'Thank you for this.');
    expect(window.localStorage.getItem('hearth:comment-draft:member:member-ash:7:new')).toBe('Thank you for this.');
    await userEvent.click(await screen.findByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText(/commenting very quickly/)).toBeInTheDocument();
    expect(screen.getByLabelText('Your comment')).toHaveValue('Thank you for this.');
    const sent = (action.mock.calls[0] as unknown as [ActionState, FormData])[1];
    expect(Object.fromEntries(sent)).toMatchObject({ postId: '7', body: 'Thank you for this.', website: '' });

    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText('Your comment is published.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Your comment')).toHaveValue(''));
    expect(window.localStorage.getItem('hearth:comment-draft:member:member-ash:7:new')).toBeNull();
  });

  it('restores a draft after a reload and offers a sign-in link that comes back to the form when signed out', async () => {
    window.localStorage.setItem('hearth:comment-draft:guest:7:new', 'Half a thought');
    await renderForm(jest.fn(), null);
    await waitFor(() => expect(screen.getByLabelText('Your comment')).toHaveValue('Half a thought'));
    expect(screen.getByRole('link', { name: 'Sign in to comment' })).toHaveAttribute('href', '/signin?callbackUrl=%2Fposts%2Fpacing%23comment-form');
    expect(screen.queryByRole('button', { name: 'Post comment' })).not.toBeInTheDocument();
  });
});
