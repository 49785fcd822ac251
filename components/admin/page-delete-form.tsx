'use client';
/** Deleting a page takes two steps: a first click only asks, the second deletes. */
import { useActionState, useState } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { initialActionState, type FormAction } from '@/lib/actions/state';

type Props = { action: FormAction; page: { id: number; title: string; slug: string } };

export function PageDeleteForm({ action, page }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="button--secondary" onClick={() => setConfirming(true)}>
        Delete this page…
      </button>
    );
  }
  return (
    <form action={formAction} className="stack-form notice notice--error">
      <p>
        Delete “{page.title}”? Anyone visiting /{page.slug} will find nothing there, and it leaves the menu. This cannot be undone.
      </p>
      <input type="hidden" name="id" value={page.id} />
      <div className="inline-form">
        <button type="submit" className="button--danger" disabled={pending}>
          {pending ? 'Deleting…' : 'Yes, delete it'}
        </button>
        <button type="button" className="button--quiet" onClick={() => setConfirming(false)} disabled={pending}>
          Keep it
        </button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
