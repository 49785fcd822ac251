import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ImportProgress } from '@/components/admin/import-progress';
import { importJobState } from '@/components/admin/import-job-list';
import { ImportReportView } from '@/components/admin/import-report';
import { ImportRunAgain } from '@/components/admin/import-run-again';
import { NotAllowed } from '@/components/admin/not-allowed';
import { getImportJobView } from '@/db/queries/import-jobs';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { ADMINS } from '@/lib/roles';
import type { ImportReport } from '@/lib/wordpress/report';
import '../../site-admin.css';
import '../import.css';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRoleOrSignIn(`/admin/import/${encodeURIComponent(id)}`, ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  const jobId = Number(id);
  const job = Number.isSafeInteger(jobId) && jobId > 0 ? await getImportJobView(jobId) : undefined;
  if (!job) notFound();
  const running = !job.interrupted && (job.status === 'queued' || job.status === 'running');
  return (
    <div className="page-narrow admin-import">
      <p>
        <Link href="/admin/import">← Import and export</Link>
      </p>
      <h1>
        Import of {job.fileName}
        {job.dryRun && ' (dry run)'}
      </h1>
      <p>
        {importJobState(job)}
        {job.withUploads ? ', with the uploads archive' : ', without images'}
        {job.startedByName && `, started by ${job.startedByName}`}.
      </p>
      {running && <ImportProgress jobId={job.id} initial={job} />}
      {job.interrupted && (
        <>
          <p>
            This import stopped without finishing: its process ended (the server restarted, or ran out of memory). What it had written is kept, and running it again continues without duplicating
            anything.
          </p>
          <ImportRunAgain jobId={job.id} />
        </>
      )}
      {job.status === 'failed' && (
        <>
          <p className="form-status form-status--error" role="alert">
            {job.error}
          </p>
          <ImportRunAgain jobId={job.id} />
        </>
      )}
      {job.status === 'done' && job.report !== null && <ImportReportView report={job.report as ImportReport} />}
    </div>
  );
}
