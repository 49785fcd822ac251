import type { Metadata } from 'next';
import Link from 'next/link';
import { NotAllowed } from '@/components/admin/not-allowed';
import { PageEditor } from '@/components/admin/page-editor';
import { pageActions } from '@/lib/actions/page-editor-actions';
import { ADMINS } from '@/lib/roles';
import { requireRoleOrSignIn } from '@/lib/admin-access';

export const metadata: Metadata = { title: 'New page' };

export default async function NewPagePage() {
  const user = await requireRoleOrSignIn('/admin/pages/new', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  return (
    <div className="page-wide">
      <p>
        <Link href="/admin/pages">← All pages</Link>
      </p>
      <h1>New page</h1>
      <PageEditor actions={pageActions} status={null} hasWorkingCopy={false} current={{ id: '', title: '', slug: '', body: '', navOrder: '' }} />
    </div>
  );
}
