/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PersonRoleForm } from '@/components/admin/person-role-form';
import type { ActionState } from '@/lib/actions/state';

describe('PersonRoleForm', () => {
  it('sends the person and the chosen role, and shows the answer', async () => {
    const action = jest.fn(async (_prev: ActionState, _data: FormData): Promise<ActionState> => ({ ok: true, message: 'Saved: Robin is now an author.' }));
    render(<PersonRoleForm action={action} person={{ id: 'user-1', name: 'Robin', role: 'member' }} />);
    await userEvent.selectOptions(screen.getByLabelText('Role of Robin'), 'author');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(Object.fromEntries(action.mock.calls[0][1].entries())).toEqual({ userId: 'user-1', role: 'author' });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved: Robin is now an author.');
  });
});
