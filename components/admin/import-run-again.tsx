'use client';
/** "Run it again" for an interrupted or failed import: the same files, a new run (re-running updates, never duplicates). */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { postForJob } from './import-request';

export function ImportRunAgain({ jobId }: { jobId: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState('');
  async function runAgain() {
    setPending(true);
    const answer = await postForJob(`/api/admin/import/${jobId}`);
    setPending(false);
    if (answer.ok) router.refresh();
    else setMessage(answer.message);
  }
  return (
    <div>
      <button type="button" onClick={runAgain} disabled={pending}>
        {pending ? 'Starting…' : 'Run it again'}
      </button>
      <p role="status" aria-live="polite" className={message ? 'form-status form-status--error' : 'form-status'}>
        {message}
      </p>
    </div>
  );
}
