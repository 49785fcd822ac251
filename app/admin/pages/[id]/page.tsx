import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NotAllowed } from '@/components/admin/not-allowed';
import { PageDeleteForm } from '@/components/admin/page-delete-form';
import { PageEditor } from '@/components/admin/page-editor';
import { RevisionList } from '@/components/admin/revision-list';
import { WorkingCopyNotice } from '@/components/admin/working-copy-notice';
import { OneButtonForm } from '@/components/ui/one-button-form';
import type { PageFields } from '@/db/queries/pages';
import { pageActions } from '@/lib/actions/page-editor-actions';
import { diffVersions } from '@/lib/editorial/revision-diff';
import { DISCARDED, RESTORED } from '@/lib/editorial/safe-edit';
import { ADMINS } from '@/lib/roles';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { pageEditorView } from '@/lib/site-admin/page-changes';
import '../../site-admin.css';

export const metadata: Metadata = { title: 'Edit page' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ note?: string; v?: string }> };

const NOTES: Record<string, string> = {
  published: 'Published: readers can see the page now.',
  updated: 'Updated: readers see the new version now.',
  unpublished: 'Unpublished: it is a draft again, and readers get “not found”.',
  discarded: DISCARDED,
  restored: RESTORED,
};

const DIFF_LABELS = [
  { key: 'title' as const, label: 'Title' },
  { key: 'slug' as const, label: 'Web address' },
  { key: 'navOrder' as const, label: 'Position in the footer' },
  { key: 'body' as const, label: 'Text' },
];
const comparable = (page: PageFields) => ({ title: page.title, slug: `/${page.slug}`, navOrder: page.navOrder === null ? 'Not in the footer' : String(page.navOrder), body: page.body });

export default async function EditPagePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireRoleOrSignIn(`/admin/pages/${id}`, ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  const view = /^\d{1,9}$/.test(id) ? await pageEditorView(user, Number(id)) : null;
  if (!view) notFound();
  const { page, fields, workingCopy } = view;
  const { note, v } = await searchParams;
  const published = page.status === 'published';
  const onSite = comparable({ title: page.title, slug: page.slug, body: page.body, navOrder: page.navOrder });
  return (
    <div className="page-wide">
      <p>
        <Link href="/admin/pages">← All pages</Link>
      </p>
      <h1>Edit “{page.title}”</h1>
      {NOTES[note ?? ''] && (
        <p className="notice" role="status">
          {NOTES[note ?? '']}
        </p>
      )}
      <p>{published ? <Link href={`/${page.slug}`}>View page</Link> : 'Draft: readers cannot see this page.'}</p>
      {workingCopy && <WorkingCopyNotice savedAt={workingCopy.savedAt} savedByName={workingCopy.savedByName} update={published ? 'Update page' : null} />}
      <PageEditor
        // A fresh load (after Update, Discard or Restore) starts the editor again from what the server says.
        key={v ?? ''}
        actions={pageActions}
        status={page.status}
        hasWorkingCopy={workingCopy !== null}
        current={{ id: String(page.id), title: fields.title, slug: fields.slug, body: fields.body, navOrder: fields.navOrder === null ? '' : String(fields.navOrder) }}
      />
      {(published || view.revisions.length > 0) && (
        <RevisionList
          revisions={view.revisions.map((r) => ({ id: r.id, authorName: r.authorName, createdAt: r.createdAt, diff: diffVersions(DIFF_LABELS, comparable(r.fields), onSite) }))}
          restore={pageActions.restore}
          owner={{ id: String(page.id) }}
          update="Update page"
        />
      )}
      {published && (
        <section aria-labelledby="unpublish-heading">
          <h2 id="unpublish-heading">Take it off the site</h2>
          <OneButtonForm action={pageActions.unpublish} fields={{ id: String(page.id) }} label="Unpublish (back to draft)" pendingLabel="Unpublishing…" />
        </section>
      )}
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        <PageDeleteForm action={pageActions.remove} page={{ id: page.id, title: page.title, slug: page.slug }} />
      </section>
    </div>
  );
}
