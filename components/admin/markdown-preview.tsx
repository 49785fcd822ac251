'use client';
/** The text as readers will see it, rendered on the server by the readers' own renderer, a moment after typing stops. */
import { useEffect, useState } from 'react';

const PAUSE_MS = 400;

export function MarkdownPreview({ body }: { body: string }) {
  const [html, setHtml] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch('/api/admin/preview', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ body }),
          signal: controller.signal,
        });
        const answer = (await response.json()) as { html?: string; error?: string };
        setHtml(answer.html ?? '');
        setProblem(answer.error ?? null);
      } catch (error) {
        if (!controller.signal.aborted) setProblem(`The preview could not be updated (${error instanceof Error ? error.message : 'network error'}). Your text is safe.`);
      }
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [body]);
  return (
    <>
      {problem && <p className="field__error">{problem}</p>}
      <div className="prose" data-testid="post-preview" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}
