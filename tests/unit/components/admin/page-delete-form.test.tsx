/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PageDeleteForm } from '@/components/admin/page-delete-form';
import type { ActionState } from '@/lib/actions/state';

describe('PageDeleteForm', () => {
  it('asks first, can be cancelled, and deletes only on the second click', async () => {
    const action = jest.fn(async (_prev: ActionState, _data: FormData): Promise<ActionState> => ({ ok: true }));
    render(<PageDeleteForm action={action} page={{ id: 7, title: 'About', slug: 'about' }} />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete this page…' }));
    expect(screen.getByText(/Delete “About”\? Anyone visiting \/about/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('button', { name: 'Yes, delete it' })).not.toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Delete this page…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    expect(action).toHaveBeenCalledTimes(1);
    expect(action.mock.calls[0][1].get('id')).toBe('7');
  });
});
