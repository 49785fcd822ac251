'use client';
/** For moderators and the comment's author: what an edited comment said before, oldest first, and who changed it. */
import { useState } from 'react';
import { useDateStyle } from '@/components/layout/site-date';
import { formatDate } from '@/lib/format';

type Revision = { body: string; contentNote: string | null; replacedAt: string; byModerator: boolean };

export function EarlierVersions({ commentId }: { commentId: number }) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState('');
  const style = useDateStyle();
  const load = async () => {
    const response = await fetch(`/api/comments/${commentId}/revisions`, { cache: 'no-store' });
    if (!response.ok) return setError('Earlier versions could not be loaded.');
    setRevisions((await response.json()).revisions);
  };
  if (!revisions) {
    return (
      <>
        <button type="button" className="button--quiet" onClick={load}>
          Earlier versions
        </button>
        {error && <span className="field__error">{error}</span>}
      </>
    );
  }
  return (
    <ol className="earlier-versions" aria-label="Earlier versions">
      {revisions.map((r) => (
        <li key={r.replacedAt}>
          <p className="field__hint">
            Until {formatDate(r.replacedAt, style)}
            {r.byModerator ? ', when a moderator changed it' : ''}
            {r.contentNote ? ` · content note: ${r.contentNote}` : ''}
          </p>
          <pre>{r.body}</pre>
        </li>
      ))}
    </ol>
  );
}
