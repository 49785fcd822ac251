import type { ReactNode } from 'react';
import { SiteShell, siteMetadata } from '@/components/layout/site-shell';

export const generateMetadata = siteMetadata;

export default function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteShell>{children}</SiteShell>;
}
