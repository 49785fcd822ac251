/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PostEditor } from '@/components/admin/post-editor';
import { ScheduleForm } from '@/components/admin/schedule-form';
import type { ActionState } from '@/lib/actions/state';

// The editor moves a new post to its own address with the app router, which jsdom does not have.
const replace = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ replace }) }));

const blank = { title: '', slug: '', excerpt: '', body: '', categoryId: '', tags: '', commentsClosed: false, contentNote: '', lastReviewedAt: '', coverImageId: '', coverAlt: '' };
const categories = [{ id: 4, name: 'Living Well' }];

beforeEach(() => {
  global.fetch = jest.fn(async () => new Response(JSON.stringify({ html: '<p>preview</p>' }), { headers: { 'Content-Type': 'application/json' } })) as jest.Mock;
  replace.mockReset();
});

describe('PostEditor', () => {
  it('explains missing and malformed fields before sending anything', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: true }));
    render(<PostEditor action={action} postId={null} defaults={blank} categories={categories} cover={null} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Give the post a title.')).toBeInTheDocument();
    expect(screen.getByText('Write the post before saving it.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Web address (slug)'), 'has spaces');
    expect(await screen.findByText(/no spaces or other characters/)).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });

  it('makes the slug from the title until the slug is edited, sends every field, and opens the new post', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: true, message: 'Saved at 10:00 UTC.', id: 42 }));
    render(<PostEditor action={action} postId={null} defaults={blank} categories={categories} cover={null} />);
    await userEvent.type(screen.getByLabelText('Title'), 'Tea & a Heat Pad!');
    expect(screen.getByLabelText('Web address (slug)')).toHaveValue('tea-a-heat-pad');
    await userEvent.type(screen.getByLabelText('Text (Markdown)'), 'Warmth helps.');
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'Living Well');
    await userEvent.type(screen.getByLabelText('Tags'), 'Winter, Comfort');
    await userEvent.click(screen.getByLabelText('Close comments on this post'));
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(action).toHaveBeenCalled());
    const [, sent] = action.mock.calls[0] as unknown as [ActionState, FormData];
    expect(Object.fromEntries(sent)).toMatchObject({ postId: '', title: 'Tea & a Heat Pad!', slug: 'tea-a-heat-pad', body: 'Warmth helps.', categoryId: '4', tags: 'Winter, Comfort', commentsClosed: 'on' });
    await waitFor(() => expect(replace).toHaveBeenCalledWith('/admin/posts/42'));
    expect(await screen.findByText('Saved at 10:00 UTC.')).toBeInTheDocument();
  });

  it('shows the server’s field error on the field and keeps the text', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: false, message: 'Please check the highlighted fields. Nothing was saved.', fieldErrors: { slug: ['Another post already uses (or used) this web address. Choose another.'] } }));
    render(<PostEditor action={action} postId={7} defaults={{ ...blank, title: 'Pacing', slug: 'pacing', body: 'Text' }} categories={categories} cover={null} />);
    await userEvent.type(screen.getByLabelText('Title'), ' again');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Another post already uses (or used) this web address. Choose another.')).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Pacing again');
    expect(screen.getByLabelText('Web address (slug)')).toHaveValue('pacing'); // an existing post's slug never follows the title
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
