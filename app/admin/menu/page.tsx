import type { Metadata } from 'next';
import { MenuEditor } from '@/components/admin/menu-editor';
import { NotAllowed } from '@/components/admin/not-allowed';
import { listMenuChoices, listMenuForEditor } from '@/db/queries/menu';
import { saveMenuAction } from '@/lib/actions/site-shape';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { ADMINS } from '@/lib/roles';
import '../site-shape.css';

export const metadata: Metadata = { title: 'Menu' };

export default async function AdminMenuPage() {
  const user = await requireRoleOrSignIn('/admin/menu', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  return (
    <div className="page-wide">
      <h1>Menu</h1>
      <p>The links at the top of every page, in this order. Items can have sub-items (one level). On a phone the menu folds behind a “Menu” button.</p>
      <MenuEditor action={saveMenuAction} initial={await listMenuForEditor()} choices={await listMenuChoices()} />
    </div>
  );
}
