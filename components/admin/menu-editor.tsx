'use client';
/**
 * The navigation menu editor: items in order, each a page, a category or a link (here or to another
 * site), with one level of sub-items. Everything is arranged here and saved at once; the same schema
 * checks the menu here and on the server, and the server's answer wins.
 */
import { useActionState, useRef, useState, type FormEvent } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import type { MenuChoices, MenuEntry } from '@/db/queries/menu';
import { initialActionState, type FormAction } from '@/lib/actions/state';
import { menuSchema } from '@/lib/validations/menu';
import { MenuAddControls } from './menu-add-controls';
import { MenuItemCard, type Move } from './menu-item-card';

export type EditorItem = Omit<MenuEntry, 'children'> & { key: number; children: EditorItem[] };

type Props = { action: FormAction; initial: MenuEntry[]; choices: MenuChoices };

/** The menu as the form posts it (no editor keys; sub-items carry no children). */
const posted = (items: EditorItem[]): string => JSON.stringify(items.map(({ key: _k, children, ...item }) => ({ ...item, children: children.map(({ key: _c, children: _none, ...child }) => child) })));

const swap = <T,>(list: T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  [copy[from], copy[to]] = [copy[to], copy[from]];
  return copy;
};

export function MenuEditor({ action, initial, choices }: Props) {
  const nextKey = useRef(0);
  const keyed = (entry: MenuEntry): EditorItem => ({ ...entry, key: nextKey.current++, children: (entry.children ?? []).map(keyed) });
  const [items, setItems] = useState<EditorItem[]>(() => initial.map(keyed));
  const [localErrors, setLocalErrors] = useState<string[]>([]);
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const errors = localErrors.length > 0 ? localErrors : (state.fieldErrors?.menu ?? []);

  const update = (key: number, change: Partial<EditorItem>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : { ...item, children: item.children.map((c) => (c.key === key ? { ...c, ...change } : c)) })));

  const move = (key: number, how: Move) =>
    setItems((list) => {
      const top = list.findIndex((item) => item.key === key);
      if (top !== -1) {
        if (how === 'up' || how === 'down') return swap(list, top, how === 'up' ? top - 1 : top + 1);
        if (how === 'remove') return list.filter((item) => item.key !== key);
        if (how === 'indent' && top > 0 && list[top].children.length === 0) {
          const parent = list[top - 1];
          return list.flatMap((item, i) => (i === top ? [] : i === top - 1 ? [{ ...parent, children: [...parent.children, list[top]] }] : [item]));
        }
        return list;
      }
      return list.flatMap((parent) => {
        const at = parent.children.findIndex((child) => child.key === key);
        if (at === -1) return [parent];
        if (how === 'up' || how === 'down') return [{ ...parent, children: swap(parent.children, at, how === 'up' ? at - 1 : at + 1) }];
        const rest = { ...parent, children: parent.children.filter((child) => child.key !== key) };
        return how === 'outdent' ? [rest, parent.children[at]] : [rest];
      });
    });

  const add = (entry: MenuEntry) => setItems((list) => [...list, keyed(entry)]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const checked = menuSchema.safeParse({ menu: posted(items) });
    setLocalErrors(checked.success ? [] : checked.error.issues.map((issue) => issue.message));
    if (!checked.success) event.preventDefault();
  };

  return (
    <div className="menu-editor">
      <form action={formAction} onSubmit={onSubmit} noValidate className="stack-form">
        <input type="hidden" name="menu" value={posted(items)} />
        {items.length === 0 ? (
          <p className="empty-state">The menu is empty. Add pages, categories or links below.</p>
        ) : (
          <ol className="menu-editor__items" aria-label="Menu items, in order">
            {items.map((item, index) => (
              <MenuItemCard key={item.key} item={item} choices={choices} position={{ index, count: items.length, parent: null, previous: items[index - 1] ?? null }} onChange={update} onMove={move} />
            ))}
          </ol>
        )}
        <div aria-live="polite" className="menu-editor__errors">
          {errors.length > 0 && (
            <ul>
              {errors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save menu'}
        </button>
        <FormStatus state={state} />
      </form>
      <MenuAddControls choices={choices} onAdd={add} />
    </div>
  );
}
