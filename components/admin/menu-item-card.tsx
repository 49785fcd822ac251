'use client';
/** One item of the menu editor: what it leads to, its label (and address, for a link), and the buttons that move it. */
import type { MenuChoices } from '@/db/queries/menu';
import type { EditorItem } from './menu-editor';

export type Move = 'up' | 'down' | 'indent' | 'outdent' | 'remove';
type Position = { index: number; count: number; parent: EditorItem | null; previous: EditorItem | null };
type Props = { item: EditorItem; choices: MenuChoices; position: Position; onChange: (key: number, change: Partial<EditorItem>) => void; onMove: (key: number, how: Move) => void };

/** The page's or category's own name (shown when the label is left empty), and what kind of item this is. */
function describe(item: EditorItem, choices: MenuChoices): { kind: string; name: string } {
  if (item.kind === 'page') {
    const page = choices.pages.find((p) => p.id === item.pageId);
    return { kind: page && !page.published ? 'Page (a draft: hidden from readers until published)' : 'Page', name: page?.title ?? 'a deleted page' };
  }
  if (item.kind === 'category') return { kind: 'Category', name: choices.categories.find((c) => c.id === item.categoryId)?.name ?? 'a deleted category' };
  return { kind: 'Link', name: item.url };
}

export function MenuItemCard({ item, choices, position, onChange, onMove }: Props) {
  const { kind, name } = describe(item, choices);
  const shown = item.label || name || 'this link';
  const id = `menu-item-${item.key}`;
  const { index, count, parent, previous } = position;
  return (
    <li className="shape-card">
      <h3 id={`${id}-title`}>{shown}</h3>
      <p className="shape-card__meta">
        {kind}
        {item.kind !== 'link' && `: ${name}`}
        {parent && ` · under “${parent.label || describe(parent, choices).name}”`}
      </p>
      <div className="field">
        <label htmlFor={`${id}-label`}>Label</label>
        {item.kind !== 'link' && (
          <p className="field__hint" id={`${id}-label-hint`}>
            Leave empty to show “{name}”.
          </p>
        )}
        <input
          id={`${id}-label`}
          value={item.label}
          maxLength={60}
          aria-describedby={item.kind !== 'link' ? `${id}-label-hint` : undefined}
          onChange={(e) => onChange(item.key, { label: e.target.value })}
        />
      </div>
      {item.kind === 'link' && (
        <div className="field">
          <label htmlFor={`${id}-url`}>Address</label>
          <input id={`${id}-url`} value={item.url} inputMode="url" onChange={(e) => onChange(item.key, { url: e.target.value })} />
        </div>
      )}
      <div className="inline-form">
        <button type="button" className="button--secondary" disabled={index === 0} onClick={() => onMove(item.key, 'up')} aria-label={`Move “${shown}” up`}>
          ↑ Up
        </button>
        <button type="button" className="button--secondary" disabled={index === count - 1} onClick={() => onMove(item.key, 'down')} aria-label={`Move “${shown}” down`}>
          ↓ Down
        </button>
        {!parent && previous && item.children.length === 0 && (
          <button type="button" className="button--secondary" onClick={() => onMove(item.key, 'indent')}>
            Make it a sub-item of “{previous.label || describe(previous, choices).name}”
          </button>
        )}
        {parent && (
          <button type="button" className="button--secondary" onClick={() => onMove(item.key, 'outdent')}>
            Move it out of “{parent.label || describe(parent, choices).name}”
          </button>
        )}
        <button type="button" className="button--quiet" onClick={() => onMove(item.key, 'remove')} aria-label={`Remove “${shown}” from the menu`}>
          Remove
        </button>
      </div>
      {item.children.length > 0 && (
        <ol className="menu-editor__items" aria-label={`Sub-items of “${shown}”`}>
          {item.children.map((child, childIndex) => (
            <MenuItemCard
              key={child.key}
              item={child}
              choices={choices}
              position={{ index: childIndex, count: item.children.length, parent: item, previous: null }}
              onChange={onChange}
              onMove={onMove}
            />
          ))}
        </ol>
      )}
    </li>
  );
}
