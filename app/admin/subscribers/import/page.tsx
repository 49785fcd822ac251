import type { Metadata } from 'next';
import Link from 'next/link';
import { NotAllowed } from '@/components/admin/not-allowed';
import { SubscriberImportForm } from '@/components/admin/subscriber-import-form';
import { importSubscribersAction } from '@/lib/actions/subscriber-import';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { ADMINS } from '@/lib/roles';

export const metadata: Metadata = { title: 'Import subscribers' };

export default async function ImportSubscribersPage() {
  const user = await requireRoleOrSignIn('/admin/subscribers/import', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins (subscribers’ addresses are private)" />;
  return (
    <div className="page-narrow admin-page">
      <p>
        <Link href="/admin/subscribers">← Subscribers</Link>
      </p>
      <h1>Import subscribers</h1>
      <p>
        Bring the email subscribers of your old site (for example Jetpack’s export) over to Hearth. Every imported address gets all posts, one email per post; each person can change that from any
        email.
      </p>
      <SubscriberImportForm action={importSubscribersAction} />
    </div>
  );
}
