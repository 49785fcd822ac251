import type { Metadata } from 'next';
import Link from 'next/link';
import { NotAllowed } from '@/components/admin/not-allowed';
import { PickTargetForm } from '@/components/admin/pick-target-form';
import { TaxonomyNameForm } from '@/components/admin/taxonomy-name-form';
import { OneButtonForm } from '@/components/ui/one-button-form';
import { listTagsForAdmin } from '@/db/queries/tag-admin';
import { deleteTagAction, mergeTagAction, renameTagAction } from '@/lib/actions/site-shape';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { ADMINS } from '@/lib/roles';
import '../site-shape.css';

export const metadata: Metadata = { title: 'Tags' };

export default async function AdminTagsPage() {
  const user = await requireRoleOrSignIn('/admin/tags', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  const tags = await listTagsForAdmin();
  return (
    <div className="page-wide">
      <h1>Tags</h1>
      <p>Writers add tags to posts in the editor. Here you can tidy them: rename, merge two that mean the same, or delete.</p>
      {tags.length === 0 ? (
        <p className="empty-state">No tags yet.</p>
      ) : (
        <ul className="shape-list" aria-label={`${tags.length} ${tags.length === 1 ? 'tag' : 'tags'}`}>
          {tags.map((tag) => (
            <li key={tag.id} className="shape-card">
              <h2>
                <Link href={`/tag/${tag.slug}`}>{tag.name}</Link>
              </h2>
              <p className="shape-card__meta">
                /tag/{tag.slug} · {tag.posts} {tag.posts === 1 ? 'post' : 'posts'}
              </p>
              <details>
                <summary>Rename “{tag.name}”</summary>
                <TaxonomyNameForm kind="tag" action={renameTagAction} current={{ id: String(tag.id), name: tag.name, slug: tag.slug }} submitLabel="Save" />
              </details>
              <details>
                <summary>Merge “{tag.name}” into another tag…</summary>
                <PickTargetForm
                  action={mergeTagAction}
                  id={tag.id}
                  field="intoId"
                  label={`Merge “${tag.name}” into`}
                  placeholder="Choose a tag…"
                  options={tags.filter((other) => other.id !== tag.id).map(({ id, name }) => ({ id, name }))}
                  submitLabel="Merge"
                  pendingLabel="Merging…"
                />
              </details>
              <details>
                <summary>Delete “{tag.name}”…</summary>
                <p>Its posts stay, without this tag. This cannot be undone.</p>
                <OneButtonForm action={deleteTagAction} fields={{ id: String(tag.id) }} label={`Delete “${tag.name}”`} pendingLabel="Deleting…" danger />
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
