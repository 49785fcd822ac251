import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { SiteShell, siteMetadata } from '@/components/layout/site-shell';
import { isStaff } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';

// Editors' and moderators' pages: per person, never indexed. Every page and action checks the role itself.
export async function generateMetadata(): Promise<Metadata> {
  return { ...(await siteMetadata()), robots: { index: false, follow: false } };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <SiteShell>
      <div className="page-wide">{user && isStaff(user.role) && <AdminNav role={user.role} />}</div>
      {children}
    </SiteShell>
  );
}
