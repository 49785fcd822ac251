/** The latest imports on /admin/import, each linking to its progress page or report. */
import Link from 'next/link';
import type { ImportJobView } from '@/db/queries/import-jobs';

export function importJobState(job: Pick<ImportJobView, 'status' | 'interrupted'>): string {
  if (job.interrupted) return 'Interrupted';
  return { queued: 'Waiting to start', running: 'Running', done: 'Finished', failed: 'Failed' }[job.status];
}

export function ImportJobList({ jobs }: { jobs: ImportJobView[] }) {
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="import-jobs-heading">
      <h2 id="import-jobs-heading">Latest imports</h2>
      <ul className="import-jobs">
        {jobs.map((job) => (
          <li key={job.id}>
            <Link href={`/admin/import/${job.id}`}>{job.fileName}</Link>
            {job.dryRun && ' (dry run)'} — {importJobState(job)}, started {job.createdAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
            {job.startedByName && ` by ${job.startedByName}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
