'use client';
/** Adding to the menu editor's list: a page, a category, or a link (to another site or a path here). Nothing is saved until "Save menu". */
import { useState } from 'react';
import type { MenuChoices, MenuEntry } from '@/db/queries/menu';

type Props = { choices: MenuChoices; onAdd: (entry: MenuEntry) => void };

const blank = { pageId: null, categoryId: null, label: '', url: '' };

/** A choice from a list (a page, a category) and the button that adds it. */
function AddChoice({ id, label, options, onAdd }: { id: string; label: 'Page' | 'Category'; options: { id: number; name: string }[]; onAdd: (id: number) => void }) {
  const [value, setValue] = useState('');
  return (
    <div className="inline-form">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => setValue(e.target.value)}>
        <option value="">Choose a {label.toLowerCase()}…</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      <button type="button" className="button--secondary" disabled={value === ''} onClick={() => onAdd(Number(value))}>
        Add {label.toLowerCase()}
      </button>
    </div>
  );
}

export function MenuAddControls({ choices, onAdd }: Props) {
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const pages = choices.pages.map((page) => ({ id: page.id, name: page.published ? page.title : `${page.title} (draft)` }));
  return (
    <section aria-labelledby="menu-add" className="shape-card">
      <h2 id="menu-add">Add to the menu</h2>
      <p>New items go at the end; move them into place, then save the menu.</p>
      <AddChoice id="menu-add-page" label="Page" options={pages} onAdd={(pageId) => onAdd({ ...blank, kind: 'page', pageId })} />
      <AddChoice id="menu-add-category" label="Category" options={choices.categories} onAdd={(categoryId) => onAdd({ ...blank, kind: 'category', categoryId })} />
      <fieldset className="stack-form">
        <legend>A link to another site (https://…) or a path here (like /archive)</legend>
        <div className="field">
          <label htmlFor="menu-add-link-label">Link label</label>
          <input id="menu-add-link-label" value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="menu-add-link-url">Link address</label>
          <input id="menu-add-link-url" value={url} inputMode="url" onChange={(e) => setUrl(e.target.value)} />
        </div>
        <button
          type="button"
          className="button--secondary"
          onClick={() => {
            onAdd({ ...blank, kind: 'link', label: label.trim(), url: url.trim() });
            setLabel('');
            setUrl('');
          }}
        >
          Add link
        </button>
      </fieldset>
    </section>
  );
}
