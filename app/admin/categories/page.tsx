import type { Metadata } from 'next';
import Link from 'next/link';
import { CategoryMoveButtons } from '@/components/admin/category-move-buttons';
import { NotAllowed } from '@/components/admin/not-allowed';
import { PickTargetForm } from '@/components/admin/pick-target-form';
import { TaxonomyNameForm } from '@/components/admin/taxonomy-name-form';
import { listCategoriesForAdmin } from '@/db/queries/category-admin';
import { deleteCategoryAction, moveCategoryAction, saveCategoryAction } from '@/lib/actions/site-shape';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { ADMINS } from '@/lib/roles';
import '../site-shape.css';

export const metadata: Metadata = { title: 'Categories' };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function AdminCategoriesPage() {
  const user = await requireRoleOrSignIn('/admin/categories', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  const categories = await listCategoriesForAdmin();
  return (
    <div className="page-wide">
      <h1>Categories</h1>
      <p>Every post belongs to one category. Readers see them in this order, and can follow them by email.</p>
      <section aria-labelledby="new-category">
        <h2 id="new-category">Add a category</h2>
        <TaxonomyNameForm kind="category" action={saveCategoryAction} current={{ id: '', name: '', slug: '', description: '' }} submitLabel="Add category" />
      </section>
      <h2>{count(categories.length, 'category', 'categories')}</h2>
      <ol className="shape-list">
        {categories.map((category, index) => (
          <li key={category.id} className="shape-card">
            <h3>
              <Link href={`/category/${category.slug}`}>{category.name}</Link>
            </h3>
            <p className="shape-card__meta">
              /category/{category.slug} · {count(category.posts, 'post', 'posts')} · {count(category.followers, 'follower', 'followers')}
            </p>
            <CategoryMoveButtons action={moveCategoryAction} category={category} first={index === 0} last={index === categories.length - 1} />
            <details>
              <summary>Edit “{category.name}”</summary>
              <TaxonomyNameForm kind="category" action={saveCategoryAction} current={{ ...category, id: String(category.id) }} submitLabel="Save" />
            </details>
            <details>
              <summary>Delete “{category.name}”…</summary>
              <PickTargetForm
                action={deleteCategoryAction}
                id={category.id}
                field="targetId"
                label={category.posts > 0 ? `Move its ${count(category.posts, 'post', 'posts')} and followers to` : 'Move its followers to (optional)'}
                placeholder={category.posts > 0 ? 'Choose a category…' : 'Nowhere'}
                options={categories.filter((other) => other.id !== category.id).map(({ id, name }) => ({ id, name }))}
                submitLabel={`Delete “${category.name}”`}
                pendingLabel="Deleting…"
                danger
              />
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
