'use client';
/**
 * A running import's progress bar, read from /api/admin/import/<id> every second, so it works after a
 * reload or in another tab. When the job ends the page is refreshed and the server shows the report.
 */
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

export type ImportProgressState = { status: string; stage: string; progressDone: number; progressTotal: number; interrupted: boolean };

const POLL_MS = 1000;

export function ImportProgress({ jobId, initial }: { jobId: number; initial: ImportProgressState }) {
  const router = useRouter();
  const [state, setState] = useState(initial);
  const [trouble, setTrouble] = useState('');

  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/admin/import/${jobId}`, { cache: 'no-store' });
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as ImportProgressState;
        if (stopped) return;
        setTrouble('');
        setState(next);
        if (next.interrupted || next.status === 'done' || next.status === 'failed') {
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        if (!stopped) setTrouble('The server did not answer just now; trying again…');
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, router]);

  const fraction = state.progressTotal > 0 ? Math.min(1, state.progressDone / state.progressTotal) : 0;
  const percent = Math.round(fraction * 100);
  const stage = state.status === 'queued' ? 'Waiting to start' : state.stage || 'Starting';
  return (
    <div className="import-progress">
      <label htmlFor={`import-${jobId}-progress`}>{stage}</label>
      <progress id={`import-${jobId}-progress`} max={100} value={percent}>
        {percent}%
      </progress>
      <p>{percent}% done</p>
      {/* The stage, not every percent: a screen reader hears each step once, not a number every second. */}
      <p aria-live="polite" role="status">
        {trouble || stage}
      </p>
    </div>
  );
}
