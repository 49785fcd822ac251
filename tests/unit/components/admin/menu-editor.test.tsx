/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MenuEditor } from '@/components/admin/menu-editor';
import type { MenuChoices, MenuEntry } from '@/db/queries/menu';
import type { ActionState } from '@/lib/actions/state';

const choices: MenuChoices = {
  pages: [
    { id: 1, title: 'About us', published: true },
    { id: 2, title: 'Coming soon', published: false },
  ],
  categories: [{ id: 7, name: 'Living Well' }],
};
const link = (label: string, url: string): MenuEntry => ({ kind: 'link', pageId: null, categoryId: null, label, url, children: [] });

function setup(initial: MenuEntry[] = [link('Home', '/')]) {
  const action = jest.fn(async (_prev: ActionState, _data: FormData): Promise<ActionState> => ({ ok: true, message: 'The menu was saved.' }));
  render(<MenuEditor action={action} initial={initial} choices={choices} />);
  return action;
}
const sentMenu = (action: ReturnType<typeof setup>) => JSON.parse(String(action.mock.calls.at(-1)![1].get('menu')));

describe('MenuEditor', () => {
  it('adds a category and a link, makes one a sub-item, reorders, and sends the menu as one tree', async () => {
    const action = setup();
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'Living Well');
    await userEvent.click(screen.getByRole('button', { name: 'Add category' }));
    await userEvent.type(screen.getByLabelText('Link label'), 'Chat group 💬');
    await userEvent.type(screen.getByLabelText('Link address'), 'https://chat.example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Add link' }));
    await userEvent.click(screen.getByRole('button', { name: 'Make it a sub-item of “Living Well”' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move “Living Well” up' }));
    const sub = within(screen.getByRole('list', { name: 'Sub-items of “Living Well”' }));
    expect(sub.getByRole('heading', { name: 'Chat group 💬' })).toBeInTheDocument();
    // A sub-item cannot take sub-items of its own: it is only offered the way back out.
    expect(sub.queryByRole('button', { name: /Make it a sub-item/ })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Save menu' }));
    expect(sentMenu(action)).toEqual([
      { kind: 'category', pageId: null, categoryId: 7, label: '', url: '', children: [{ kind: 'link', pageId: null, categoryId: null, label: 'Chat group 💬', url: 'https://chat.example.org' }] },
      { kind: 'link', pageId: null, categoryId: null, label: 'Home', url: '/', children: [] },
    ]);

    await userEvent.click(sub.getByRole('button', { name: 'Move it out of “Living Well”' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove “Home” from the menu' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save menu' }));
    expect(sentMenu(action).map((item: MenuEntry) => [item.label, item.children])).toEqual([
      ['', []],
      ['Chat group 💬', []],
    ]);
  }, 30_000);

  it('refuses a javascript: address and an unlabelled link before sending, saying which item', async () => {
    const action = setup([link('Home', '/'), link('Click me', 'javascript:alert(1)'), link('', 'https://shop.example.org')]);
    await userEvent.click(screen.getByRole('button', { name: 'Save menu' }));
    expect(screen.getByText(/Item 2 \(“Click me”\): “javascript:” addresses are not allowed/)).toBeInTheDocument();
    expect(screen.getByText('Item 3: give the link a label (the words readers see).')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });

  it('marks a draft page, which readers will not see until it is published', () => {
    setup([{ kind: 'page', pageId: 2, categoryId: null, label: '', url: '', children: [] }]);
    expect(screen.getByText(/Page \(a draft: hidden from readers until published\): Coming soon/)).toBeInTheDocument();
  });
});
