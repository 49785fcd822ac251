'use client';
/** Adding to the menu editor's list: a page, a category, or a link (to another site or a path here). Nothing is saved until "Save menu". */
import { useState } from 'react';
import type { MenuChoices, MenuEntry } from '@/db/queries/menu';

type Props = { choices: MenuChoices; onAdd: (entry: MenuEntry) => void };

const blank = { pageId: null, categoryId: null, label: '', url: '' };

export function MenuAddControls({ choices, onAdd }: Props) {
  const [pageId, setPageId] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  return (
    <section aria-labelledby="menu-add" className="shape-card">
      <h2 id="menu-add">Add to the menu</h2>
      <p>New items go at the end; move them into place, then save the menu.</p>
      <div className="inline-form">
        <label htmlFor="menu-add-page">Page</label>
        <select id="menu-add-page" value={pageId} onChange={(e) => setPageId(e.target.value)}>
          <option value="">Choose a page…</option>
          {choices.pages.map((page) => (
            <option key={page.id} value={page.id}>
              {page.title}
              {page.published ? '' : ' (draft)'}
            </option>
          ))}
        </select>
        <button type="button" className="button--secondary" disabled={pageId === ''} onClick={() => onAdd({ ...blank, kind: 'page', pageId: Number(pageId) })}>
          Add page
        </button>
      </div>
      <div className="inline-form">
        <label htmlFor="menu-add-category">Category</label>
        <select id="menu-add-category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          <option value="">Choose a category…</option>
          {choices.categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
        <button type="button" className="button--secondary" disabled={categoryId === ''} onClick={() => onAdd({ ...blank, kind: 'category', categoryId: Number(categoryId) })}>
          Add category
        </button>
      </div>
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
