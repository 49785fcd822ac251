import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { SiteShell, siteMetadata } from '@/components/layout/site-shell';
import { isStaff } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';
import './site-admin.css';

// Editors' and moderators' pages: per person, never indexed. Every page and action checks the role itself.
// `admin-area` scopes the admin styles (site-admin.css: phone-sized controls, scrolling tables) to these pages.
export async function generateMetadata(): Promise<Metadata> {
  return { ...(await siteMetadata()), robots: { index: false, follow: false } };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <SiteShell>
      <div className="admin-area">
        <div className="page-wide">{user && isStaff(user.role) && <AdminNav role={user.role} />}</div>
        {children}
      </div>
    </SiteShell>
  );
}
