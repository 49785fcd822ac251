'use client';
/**
 * Deletes an unused image. A used one shows the button disabled with the reason beside it (the server
 * refuses too, in case the image came into use since the page was drawn).
 */
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import type { ActionState } from '@/lib/actions/state';

type Props = { action: (id: number) => Promise<ActionState>; id: number; name: string; inUse: string | null };

export function DeleteUploadButton({ action, id, name, inUse }: Props) {
  const router = useRouter();
  const reasonId = useId();
  const [state, setState] = useState<ActionState>({ ok: false });
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      const answer = await action(id);
      setState(answer);
      if (answer.ok) router.refresh();
    });
  return (
    <div>
      <button type="button" className="button--danger" disabled={pending || inUse !== null} aria-describedby={inUse ? reasonId : undefined} onClick={remove} aria-label={`Delete ${name}`}>
        {pending ? 'Deleting…' : 'Delete'}
      </button>
      {inUse && (
        <p id={reasonId} className="field__hint">
          {inUse}
        </p>
      )}
      <FormStatus state={state} />
    </div>
  );
}
