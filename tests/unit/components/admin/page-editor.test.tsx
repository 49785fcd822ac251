/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PageEditor } from '@/components/admin/page-editor';
import type { ActionState } from '@/lib/actions/state';

function setup(current = { id: '', title: '', slug: '', body: '', navOrder: '' }) {
  const action = jest.fn(async (_prev: ActionState, _data: FormData): Promise<ActionState> => ({ ok: true, message: 'Saved.' }));
  render(<PageEditor action={action} current={current} />);
  return action;
}

describe('PageEditor', () => {
  it('explains a slug with spaces before sending, then sends the corrected page', async () => {
    const action = setup();
    await userEvent.type(screen.getByLabelText('Title'), 'Medical disclaimer');
    await userEvent.clear(screen.getByLabelText('Web address (slug)'));
    await userEvent.type(screen.getByLabelText('Web address (slug)'), 'medical disclaimer');
    await userEvent.type(screen.getByLabelText('Text (Markdown)'), 'Not medical advice.');
    await userEvent.click(screen.getByRole('button', { name: 'Create page' }));

    expect(await screen.findByText('A web address cannot contain spaces: use hyphens instead, like “medical-disclaimer”.')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText('Web address (slug)'));
    await userEvent.type(screen.getByLabelText('Web address (slug)'), 'medical-disclaimer');
    await userEvent.click(screen.getByRole('button', { name: 'Create page' }));
    expect(action).toHaveBeenCalledTimes(1);
    const sent = action.mock.calls[0][1];
    expect(Object.fromEntries(sent.entries())).toEqual({ id: '', title: 'Medical disclaimer', slug: 'medical-disclaimer', navOrder: '', body: 'Not medical advice.' });
  });

  it('suggests a web address from a new page’s title', async () => {
    setup();
    await userEvent.type(screen.getByLabelText('Title'), 'Privacy & cookies');
    await userEvent.tab();
    expect(screen.getByLabelText('Web address (slug)')).toHaveValue('privacy-cookies');
  });

  it('refuses a reserved web address and a menu position that is not a number', async () => {
    const action = setup({ id: '3', title: 'Search help', slug: 'about', body: 'Text', navOrder: '' });
    await userEvent.clear(screen.getByLabelText('Web address (slug)'));
    await userEvent.type(screen.getByLabelText('Web address (slug)'), 'search');
    await userEvent.type(screen.getByLabelText('Position in the menu'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Save page' }));
    expect(await screen.findByText('“/search” is already used by the site itself. Choose another web address.')).toBeInTheDocument();
    expect(screen.getByText(/Enter a whole number from 1 to 999/)).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });
});
