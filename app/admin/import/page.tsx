import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportForm } from '@/components/admin/import-form';
import { ImportJobList } from '@/components/admin/import-job-list';
import { NotAllowed } from '@/components/admin/not-allowed';
import { listImportJobs } from '@/db/queries/import-jobs';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { ADMINS } from '@/lib/roles';
import '../site-admin.css';
import './import.css';

export const metadata: Metadata = { title: 'Import and export' };

export default async function ImportPage() {
  const user = await requireRoleOrSignIn('/admin/import', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  const jobs = await listImportJobs();
  return (
    <div className="page-narrow admin-import">
      <h1>Import and export</h1>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Move a WordPress site here</h2>
        <p>
          Everything in a WordPress export comes over: posts and pages (with their dates, drafts and scheduled posts), comments with their threads (guests keep their names; their email addresses stay
          private), images, authors, categories and tags. Old addresses keep working: they redirect to the new ones. Running the same export again updates what it brought in, without duplicates.
        </p>
        <p>
          Email subscribers come separately, from a CSV file:{' '}
          <Link href="/admin/subscribers/import" prefetch={false}>
            import subscribers
          </Link>
          .
        </p>
        <ImportForm />
      </section>
      <ImportJobList jobs={jobs} />
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Leave with everything</h2>
        <p>
          Download the whole site as a WordPress export (WXR): posts, pages, categories, tags, comments with their threads, and the addresses of the images. WordPress’s own importer (Tools → Import →
          WordPress) reads it.
        </p>
        <form method="get" action="/api/admin/export" className="import-export-form">
          <label className="choice">
            <input type="checkbox" name="emails" value="1" /> Include commenters’ email addresses. Only for your own move: they were given to this site, not to the next one. Without this box, comments
            keep their names and the addresses are left empty.
          </label>
          <button type="submit">Export to WordPress (WXR)</button>
        </form>
      </section>
    </div>
  );
}
