import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteShell, siteMetadata } from '@/components/layout/site-shell';

// Per-person pages: rendered for each request and never indexed.
export async function generateMetadata(): Promise<Metadata> {
  return { ...(await siteMetadata()), robots: { index: false, follow: false } };
}

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <SiteShell>{children}</SiteShell>;
}
