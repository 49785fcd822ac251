import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteShell, siteMetadata } from '@/components/layout/site-shell';

// Editors' and moderators' pages: per person, never indexed. Every page and action checks the role itself.
export async function generateMetadata(): Promise<Metadata> {
  return { ...(await siteMetadata()), robots: { index: false, follow: false } };
}

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <SiteShell>{children}</SiteShell>;
}
