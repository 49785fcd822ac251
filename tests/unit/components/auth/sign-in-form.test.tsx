/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignInForm } from '@/components/auth/sign-in-form';
import { DisplayNameForm } from '@/components/account/display-name-form';
import type { ActionState } from '@/lib/actions/state';

describe('SignInForm', () => {
  it('explains a bad address before sending anything', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: true }));
    render(<SignInForm action={action} callbackUrl="/posts/x" />);
    await userEvent.type(screen.getByLabelText('Email address'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    expect(await screen.findByText('Enter a valid email address, like name@example.org.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email address')).toHaveAttribute('aria-invalid', 'true');
    expect(action).not.toHaveBeenCalled();
  });

  it('disables the button while sending and shows the server’s answer', async () => {
    let finish: (state: ActionState) => void = () => {};
    const action = jest.fn(() => new Promise<ActionState>((resolve) => (finish = resolve)));
    render(<SignInForm action={action} callbackUrl="/posts/x" />);
    await userEvent.type(screen.getByLabelText('Email address'), 'river@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    expect(await screen.findByRole('button', { name: 'Sending…' })).toBeDisabled();
    const sent = action.mock.calls[0] as unknown as [ActionState, FormData];
    expect(sent[1].get('email')).toBe('river@example.org');
    expect(sent[1].get('callbackUrl')).toBe('/posts/x');
    finish({ ok: false, message: 'Too many sign-in emails were asked for.' });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Too many sign-in emails were asked for.'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Email me a sign-in link' })).toBeEnabled());
    expect(screen.getByLabelText('Email address')).toHaveValue('river@example.org');
  });
});

describe('DisplayNameForm', () => {
  it('puts the server’s field error on the field and keeps the text', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: false, fieldErrors: { name: ['That name is taken by the site.'] } }));
    render(<DisplayNameForm action={action} currentName="Robin" submitLabel="Save name" />);
    await userEvent.clear(screen.getByLabelText('Display name'));
    await userEvent.type(screen.getByLabelText('Display name'), 'Hearth Team');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('That name is taken by the site.')).toBeInTheDocument();
    expect(screen.getByLabelText('Display name')).toHaveValue('Hearth Team');
  });
});
