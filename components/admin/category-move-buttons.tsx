'use client';
/** Moving a category one place up or down in the order readers and pickers see; plain forms, so they work without JavaScript. */
import { useActionState } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { initialActionState, type FormAction } from '@/lib/actions/state';

type Props = { action: FormAction; category: { id: number; name: string }; first: boolean; last: boolean };

export function CategoryMoveButtons({ action, category, first, last }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="id" value={category.id} />
      <button type="submit" name="direction" value="up" className="button--secondary" disabled={pending || first} aria-label={`Move “${category.name}” up`}>
        ↑ Up
      </button>
      <button type="submit" name="direction" value="down" className="button--secondary" disabled={pending || last} aria-label={`Move “${category.name}” down`}>
        ↓ Down
      </button>
      {!state.ok && <FormStatus state={state} />}
    </form>
  );
}
