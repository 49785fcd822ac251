/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SubscribeForm } from '@/components/subscriptions/subscribe-form';
import { SubscriptionChoicesForm } from '@/components/subscriptions/subscription-choices-form';
import type { ActionState } from '@/lib/actions/state';

const topics = [
  { id: 1, name: 'Living Well' },
  { id: 2, name: 'Research News' },
];

describe('SubscribeForm', () => {
  it('explains a bad or over-long address before sending anything', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: true }));
    render(<SubscribeForm action={action} topics={topics} idPrefix="t" />);
    await userEvent.type(screen.getByLabelText('Email address'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText('Enter a valid email address, like name@example.org.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Email address'));
    await userEvent.type(screen.getByLabelText('Email address'), `${'a'.repeat(250)}@example.org`);
    expect(await screen.findByText('That address is too long (254 characters at most).')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });

  it('sends the address with the ticked topics and frequency, then offers to send the confirmation again', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: true, message: 'Check your inbox to confirm: we sent a link to sky@example.org.' }));
    render(<SubscribeForm action={action} topics={topics} idPrefix="t" />);
    await userEvent.type(screen.getByLabelText('Email address'), 'sky@example.org');
    await userEvent.click(screen.getByText('Choose topics or a weekly summary (optional)'));
    await userEvent.click(screen.getByLabelText('Research News'));
    await userEvent.click(screen.getByLabelText('One summary a week (Mondays)'));
    await userEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText('Check your inbox to confirm: we sent a link to sky@example.org.')).toBeInTheDocument();
    const [, sent] = action.mock.calls[0] as unknown as [ActionState, FormData];
    expect(sent.get('email')).toBe('sky@example.org');
    expect(sent.getAll('categoryIds')).toEqual(['2']);
    expect(sent.get('frequency')).toBe('weekly');

    await userEvent.click(screen.getByRole('button', { name: 'Send it again' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(2));
    const [, again] = action.mock.calls[1] as unknown as [ActionState, FormData];
    expect(again.get('email')).toBe('sky@example.org');
  });

  it('brings the form back with the server’s answer when it refuses', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: false, message: 'Please wait 15 minutes before asking again.' }));
    render(<SubscribeForm action={action} topics={topics} idPrefix="t" />);
    await userEvent.type(screen.getByLabelText('Email address'), 'sky@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Please wait 15 minutes before asking again.'));
    expect(screen.getByLabelText('Email address')).toHaveValue('sky@example.org');
  });
});

describe('SubscriptionChoicesForm', () => {
  it('shows the current choices and puts the server’s field error on the topics', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: false, fieldErrors: { categoryIds: ['One of those topics no longer exists.'] } }));
    render(<SubscriptionChoicesForm action={action} token="t0k" topics={topics} current={{ frequency: 'weekly', categoryIds: [1] }} />);
    expect(screen.getByLabelText('Living Well')).toBeChecked();
    expect(screen.getByLabelText('Research News')).not.toBeChecked();
    expect(screen.getByLabelText('One summary a week (Mondays)')).toBeChecked();
    await userEvent.click(screen.getByLabelText('An email for each new post'));
    await userEvent.click(screen.getByRole('button', { name: 'Save choices' }));
    expect(await screen.findByText('One of those topics no longer exists.')).toBeInTheDocument();
    const [, sent] = action.mock.calls[0] as unknown as [ActionState, FormData];
    expect(sent.get('token')).toBe('t0k');
    expect(sent.get('frequency')).toBe('each-post');
    expect(sent.getAll('categoryIds')).toEqual(['1']);
  });
});
