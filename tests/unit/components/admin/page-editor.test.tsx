/** @jest-environment jsdom */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PageEditor } from '@/components/admin/page-editor';
import type { ActionState } from '@/lib/actions/state';

const refuse = async (): Promise<ActionState> => ({ ok: false, message: 'Not this one.' });

/** Renders the editor; returns the save action (the others answer "not this one"). */
function setup(current = { id: '', title: '', slug: '', body: '', navOrder: '' }, status: 'draft' | 'published' | null = current.id ? 'draft' : null) {
  const action = jest.fn(async (_prev: ActionState, _data: FormData): Promise<ActionState> => ({ ok: true, message: 'Saved.' }));
  render(<PageEditor actions={{ save: action, publish: jest.fn(refuse), update: jest.fn(refuse), discard: jest.fn(refuse) }} status={status} hasWorkingCopy={false} current={current} />);
  return action;
}

describe('PageEditor', () => {
  it('explains a slug with spaces before sending, then sends the corrected page', async () => {
    const action = setup();
    await userEvent.type(screen.getByLabelText('Title'), 'Medical disclaimer');
    await userEvent.clear(screen.getByLabelText('Web address (slug)'));
    await userEvent.type(screen.getByLabelText('Web address (slug)'), 'medical disclaimer');
    await userEvent.type(screen.getByLabelText('Text (Markdown)'), 'Not medical advice.');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('A web address cannot contain spaces: use hyphens instead, like “medical-disclaimer”.')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText('Web address (slug)'));
    await userEvent.type(screen.getByLabelText('Web address (slug)'), 'medical-disclaimer');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(action).toHaveBeenCalledTimes(1);
    const sent = action.mock.calls[0][1];
    expect(Object.fromEntries(sent.entries())).toEqual({ id: '', title: 'Medical disclaimer', slug: 'medical-disclaimer', navOrder: '', body: 'Not medical advice.' });
  });

  it('names its buttons for the page’s state: Publish now and Save draft for a draft, Update page for a published page', () => {
    const page = { id: '3', title: 'About', slug: 'about', body: 'Text', navOrder: '' };
    setup(page, 'draft');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Publish now', 'Save draft']);
    cleanup();
    setup(page, 'published');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Update page']);
    expect(screen.getByText('The editor shows the version on the site.')).toBeInTheDocument();
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
    await userEvent.type(screen.getByLabelText('Position in the footer'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('“/search” is already used by the site itself. Choose another web address.')).toBeInTheDocument();
    expect(screen.getByText(/Enter a whole number from 1 to 999/)).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });
});
