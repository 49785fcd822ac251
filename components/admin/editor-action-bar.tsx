'use client';
/**
 * The editor's buttons and where its changes are, at the top of the form and kept in view while the form
 * scrolls (on a phone "Publish now" or "Update" is never 3,000 px down). Each button names what it does
 * for this post's or page's state.
 */
import type { EditorIntent } from './use-editor-actions';
import './safe-edit.css';

export type EditorButton = { intent: EditorIntent; label: string; pendingLabel: string; quiet?: boolean };

type Props = { buttons: EditorButton[]; dispatchers: Record<EditorIntent, (data: FormData) => void>; pending: boolean; last: EditorIntent; status: string; label: string };

export function EditorActionBar({ buttons, dispatchers, pending, last, status, label }: Props) {
  return (
    <div className="editor-actions" role="group" aria-label={label}>
      <div className="editor-actions__buttons">
        {buttons.map((b) => (
          <button key={b.intent} type="submit" data-intent={b.intent} formAction={dispatchers[b.intent]} disabled={pending} className={b.quiet ? 'button--secondary' : undefined}>
            {pending && last === b.intent ? b.pendingLabel : b.label}
          </button>
        ))}
      </div>
      <p className="field__hint editor-actions__status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
