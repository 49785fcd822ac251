import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NotAllowed } from '@/components/admin/not-allowed';
import { PageDeleteForm } from '@/components/admin/page-delete-form';
import { PageEditor } from '@/components/admin/page-editor';
import { getEditablePage } from '@/db/queries/pages';
import { deletePageAction, savePageAction } from '@/lib/actions/site-admin';
import { isAdmin } from '@/lib/roles';
import { signedInOrRedirect } from '@/lib/admin-access';
import '../../site-admin.css';

export const metadata: Metadata = { title: 'Edit page' };

type Props = { params: Promise<{ id: string }> };

export default async function EditPagePage({ params }: Props) {
  const { id } = await params;
  const user = await signedInOrRedirect(`/admin/pages/${id}`);
  if (!isAdmin(user.role)) return <NotAllowed who="the site’s admins" />;
  const page = /^\d{1,9}$/.test(id) ? getEditablePage(Number(id)) : null;
  if (!page) notFound();
  return (
    <div className="page-wide">
      <p>
        <Link href="/admin/pages">← All pages</Link>
      </p>
      <h1>Edit “{page.title}”</h1>
      <p>
        <Link href={`/${page.slug}`}>View page</Link>
      </p>
      <PageEditor
        action={savePageAction}
        current={{ id: String(page.id), title: page.title, slug: page.slug, body: page.body, navOrder: page.navOrder === null ? '' : String(page.navOrder) }}
      />
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        <PageDeleteForm action={deletePageAction} page={{ id: page.id, title: page.title, slug: page.slug }} />
      </section>
    </div>
  );
}
