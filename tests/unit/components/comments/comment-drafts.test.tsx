/** @jest-environment jsdom */
/**
 * Drafts on a shared browser: each member is offered only their own, a signed-out visitor keeps
 * theirs (and takes it along when signing in), and signing out forgets them all.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommentForm } from '@/components/comments/comment-form';
import { CommentsProvider, type CommentViewer } from '@/components/comments/comments-context';
import { AccountMenu } from '@/components/layout/account-menu';
import type { ActionState } from '@/lib/actions/state';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }), usePathname: () => '/posts/pacing' }));

const viewer = (id: string, name: string): CommentViewer => ({ id, name, canModerate: false, blocked: false, own: [], held: [] });
const amira = viewer('9b1c-amira', 'Amira Haddad');
const bjorn = viewer('4f2e-bjorn', 'Bjørn Ødegård');
const SESSION_ENDED: ActionState = { ok: false, message: 'Your session has ended. Please sign in again; your text is kept.' };

/** One page load on this browser, as `who` (null: not signed in). */
async function openPost(who: CommentViewer | null, action = jest.fn(async (): Promise<ActionState> => SESSION_ENDED)) {
  cleanup();
  global.fetch = jest.fn(async () => ({ ok: true, json: async () => ({ viewer: who, closed: false, supportResources: [] }) })) as unknown as typeof fetch;
  render(
    <CommentsProvider postId={7} postPath="/posts/pacing" closed={false}>
      <CommentForm mode="new" action={action} />
      <CommentForm mode="reply" parentId={31} action={action} />
    </CommentsProvider>,
  );
  await act(async () => {});
  const [comment, reply] = screen.getAllByRole('textbox', { name: /Your (comment|reply)/ });
  return { comment, reply };
}
const draftKeys = () =>
  Object.keys(window.localStorage)
    .filter((k) => k.startsWith('hearth:comment-draft:'))
    .sort();

jest.setTimeout(30_000); // typing character by character is slow on a busy machine
beforeEach(() => window.localStorage.clear());

it('never offers one member’s drafts to the next member on the same browser', async () => {
  let form = await openPost(amira);
  await userEvent.type(form.comment, 'My scan results: 3 cm “mass”, biopsy Tuesday');
  await userEvent.type(form.reply, 'Same for me — תודה');
  // Amira's session ends without her signing out; Bjørn signs in on this browser.
  form = await openPost(bjorn);
  expect(form.comment).toHaveValue('');
  expect(form.reply).toHaveValue('');
  await userEvent.type(form.comment, 'Bjørn’s own words');
  form = await openPost(null);
  expect(form.comment).toHaveValue('');
  // Amira signs in again: her drafts are still hers.
  form = await openPost(amira);
  await waitFor(() => expect(form.comment).toHaveValue('My scan results: 3 cm “mass”, biopsy Tuesday'));
  expect(form.reply).toHaveValue('Same for me — תודה');
});

it('keeps the text of a member whose session ended while writing, for them only', async () => {
  const action = jest.fn(async (): Promise<ActionState> => SESSION_ENDED);
  const form = await openPost(amira, action);
  await userEvent.type(form.comment, 'Half written when the session ended');
  await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
  expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument();
  expect(form.comment).toHaveValue('Half written when the session ended');
  expect(screen.getByRole('link', { name: 'Sign in again (your text is kept)' })).toBeInTheDocument();
  expect((await openPost(bjorn)).comment).toHaveValue('');
  await waitFor(async () => expect((await openPost(amira)).comment).toHaveValue('Half written when the session ended'));
});

it('keeps a signed-out visitor’s draft and hands it to them once they sign in', async () => {
  let form = await openPost(null);
  await userEvent.type(form.comment, 'Written before signing in ¿vale?');
  form = await openPost(null);
  expect(form.comment).toHaveValue('Written before signing in ¿vale?');
  form = await openPost(bjorn);
  await waitFor(() => expect(form.comment).toHaveValue('Written before signing in ¿vale?'));
  // Now it is Bjørn's draft: no one else is offered it.
  expect(draftKeys()).toEqual(['hearth:comment-draft:member:4f2e-bjorn:7:new']);
  expect((await openPost(amira)).comment).toHaveValue('');
});

it('forgets every comment draft in the browser when a member signs out', async () => {
  const form = await openPost(amira);
  await userEvent.type(form.comment, 'Private words');
  window.localStorage.setItem('hearth:reading-size', 'large');
  cleanup();
  global.fetch = jest.fn(async () => ({ ok: true, json: async () => ({ user: { name: 'Amira Haddad', role: 'member' } }) })) as unknown as typeof fetch;
  const signOut = jest.fn(async () => {});
  render(<AccountMenu signOutAction={signOut} />);
  expect(draftKeys()).toEqual(['hearth:comment-draft:member:9b1c-amira:7:new']);
  await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
  await waitFor(() => expect(signOut).toHaveBeenCalled());
  expect(draftKeys()).toEqual([]);
  expect(window.localStorage.getItem('hearth:reading-size')).toBe('large');
  expect((await openPost(bjorn)).comment).toHaveValue('');
});
