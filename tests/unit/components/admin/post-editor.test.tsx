/** @jest-environment jsdom */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PostEditor } from '@/components/admin/post-editor';
import { ScheduleForm } from '@/components/admin/schedule-form';
import type { ActionState } from '@/lib/actions/state';

// The editor moves a new post to its own address with the app router, which jsdom does not have.
const replace = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ replace }), usePathname: () => '/admin/posts/new' }));

const refuse = async (): Promise<ActionState> => ({ ok: false, message: 'Not this one.' });
/** The editor's actions: `save` under test, the others must not be called. */
const withSave = (save: (prev: ActionState, data: FormData) => Promise<ActionState>) => ({ save, publish: jest.fn(refuse), update: jest.fn(refuse), discard: jest.fn(refuse) });
const blank = { title: '', slug: '', excerpt: '', body: '', categoryId: '', tags: '', commentsClosed: false, contentNote: '', lastReviewedAt: '', coverImageId: '', coverAlt: '' };
const categories = [{ id: 4, name: 'Living Well' }];

beforeEach(() => {
  global.fetch = jest.fn(async () => new Response(JSON.stringify({ html: '<p>preview</p>' }), { headers: { 'Content-Type': 'application/json' } })) as jest.Mock;
  replace.mockReset();
});

describe('PostEditor', () => {
  it('explains missing and malformed fields before sending anything', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: true }));
    render(<PostEditor actions={withSave(action)} postId={null} status={null} hasWorkingCopy={false} defaults={blank} categories={categories} cover={null} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Give the post a title.')).toBeInTheDocument();
    expect(screen.getByText('Write the post before saving it.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Web address (slug)'), 'has spaces');
    expect(await screen.findByText(/no spaces or other characters/)).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });

  it('makes the slug from the title until the slug is edited, sends every field, and opens the new post', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: true, message: 'Saved at 10:00.', id: 42 }));
    render(<PostEditor actions={withSave(action)} postId={null} status={null} hasWorkingCopy={false} defaults={blank} categories={categories} cover={null} />);
    await userEvent.type(screen.getByLabelText('Title'), 'Tea & a Heat Pad!');
    expect(screen.getByLabelText('Web address (slug)')).toHaveValue('tea-a-heat-pad');
    await userEvent.type(screen.getByLabelText('Text (Markdown)'), 'Warmth helps.');
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'Living Well');
    await userEvent.type(screen.getByLabelText('Tags'), 'Winter, Comfort');
    await userEvent.click(screen.getByLabelText('Close comments on this post'));
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(action).toHaveBeenCalled());
    const [, sent] = action.mock.calls[0] as unknown as [ActionState, FormData];
    expect(Object.fromEntries(sent)).toMatchObject({
      postId: '',
      title: 'Tea & a Heat Pad!',
      slug: 'tea-a-heat-pad',
      body: 'Warmth helps.',
      categoryId: '4',
      tags: 'Winter, Comfort',
      commentsClosed: 'on',
    });
    await waitFor(() => expect(replace).toHaveBeenCalledWith('/admin/posts/42'));
    expect(await screen.findByText('Saved at 10:00.')).toBeInTheDocument();
  });

  it('shows the server’s field error on the field and keeps the text', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({
      ok: false,
      message: 'Please check the highlighted fields. Nothing was saved.',
      fieldErrors: { slug: ['Another post already uses (or used) this web address. Choose another.'] },
    }));
    render(
      <PostEditor
        actions={withSave(action)}
        postId={7}
        status="draft"
        hasWorkingCopy={false}
        defaults={{ ...blank, title: 'Pacing', slug: 'pacing', body: 'Text' }}
        categories={categories}
        cover={null}
      />,
    );
    await userEvent.type(screen.getByLabelText('Title'), ' again');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Another post already uses (or used) this web address. Choose another.')).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Pacing again');
    expect(screen.getByLabelText('Web address (slug)')).toHaveValue('pacing'); // an existing post's slug never follows the title
  });
});

describe('PostEditor buttons for the post’s state', () => {
  const post = { ...blank, title: 'Pacing', slug: 'pacing', body: 'Text' };
  const buttons = () =>
    within(screen.getByRole('group', { name: 'Post actions' }))
      .getAllByRole('button')
      .map((b) => b.textContent);

  it('offers Publish now on a new post before any save, and Save draft', () => {
    render(<PostEditor actions={withSave(jest.fn(refuse))} postId={null} status={null} hasWorkingCopy={false} defaults={blank} categories={categories} cover={null} />);
    expect(buttons()).toEqual(['Publish now', 'Save draft']);
  });

  it('offers Update post (and Discard changes only with unpublished changes) for a published post, never Save draft', () => {
    const { unmount } = render(<PostEditor actions={withSave(jest.fn(refuse))} postId={7} status="published" hasWorkingCopy={false} defaults={post} categories={categories} cover={null} />);
    expect(buttons()).toEqual(['Update post']);
    expect(screen.getByText('The editor shows the version on the site.')).toBeInTheDocument();
    unmount();
    render(<PostEditor actions={withSave(jest.fn(refuse))} postId={7} status="published" hasWorkingCopy defaults={post} categories={categories} cover={null} />);
    expect(buttons()).toEqual(['Update post', 'Discard changes']);
    expect(screen.getByText('Changes saved privately — not yet on the site.')).toBeInTheDocument();
  });

  it('offers Update scheduled post and Publish now for a scheduled post', () => {
    render(<PostEditor actions={withSave(jest.fn(refuse))} postId={7} status="scheduled" hasWorkingCopy={false} defaults={post} categories={categories} cover={null} />);
    expect(buttons()).toEqual(['Update scheduled post', 'Publish now']);
  });

  it('sends Update post to the update action with every field, and Discard changes to discard unchecked', async () => {
    const actions = withSave(jest.fn(refuse));
    actions.update.mockImplementation(async () => ({ ok: false, message: 'Checked by the server.' }));
    actions.discard.mockImplementation(async () => ({ ok: false, message: 'Discard answered.' }));
    render(<PostEditor actions={actions} postId={7} status="published" hasWorkingCopy={false} defaults={post} categories={categories} cover={null} />);
    await userEvent.type(screen.getByLabelText('Text (Markdown)'), ' and more');
    await userEvent.click(screen.getByRole('button', { name: 'Update post' }));
    await waitFor(() => expect(actions.update).toHaveBeenCalledTimes(1));
    const [, sent] = actions.update.mock.calls[0] as unknown as [ActionState, FormData];
    expect(Object.fromEntries(sent)).toMatchObject({ postId: '7', title: 'Pacing', slug: 'pacing', body: 'Text and more' });
    expect(await screen.findByText('Checked by the server.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Title'));
    await userEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(actions.discard).toHaveBeenCalledTimes(1));
    expect(actions.save).not.toHaveBeenCalled();
    expect(actions.publish).not.toHaveBeenCalled();
  });
});

describe('ScheduleForm', () => {
  it('refuses a time in the past before sending, and sends the local time with the browser’s offset', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: true }));
    render(<ScheduleForm action={action} postId={7} />);
    await userEvent.type(screen.getByLabelText('Publish on (your local time)'), '2020-01-01T09:00');
    await userEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText('Choose a time in the future.')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
    await userEvent.clear(screen.getByLabelText('Publish on (your local time)'));
    await userEvent.type(screen.getByLabelText('Publish on (your local time)'), '2999-01-01T09:00');
    await userEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    await waitFor(() => expect(action).toHaveBeenCalled());
    const [, sent] = action.mock.calls[0] as unknown as [ActionState, FormData];
    expect(Object.fromEntries(sent)).toEqual({ postId: '7', publishAt: '2999-01-01T09:00', timezoneOffset: String(new Date().getTimezoneOffset()) });
  });
});
