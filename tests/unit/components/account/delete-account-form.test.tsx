/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import type { ActionState } from '@/lib/actions/state';

describe('DeleteAccountForm', () => {
  it('asks what happens to the comments and for the typed confirmation before sending', async () => {
    const action = jest.fn(async (): Promise<ActionState> => ({ ok: true }));
    render(<DeleteAccountForm action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByText('Choose what happens to your comments.')).toBeInTheDocument();
    expect(screen.getByText('Type “delete my account” to confirm.')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();

    await userEvent.click(screen.getByLabelText(/Remove them/));
    await userEvent.type(screen.getByLabelText(/To confirm, type/), 'Delete my account');
    await userEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(action).toHaveBeenCalledTimes(1);
    const sent = (action.mock.calls[0] as unknown as [ActionState, FormData])[1];
    expect(sent.get('comments')).toBe('remove');
  });
});
