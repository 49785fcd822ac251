import type { ReactNode } from 'react';
import { SiteShell, siteMetadata } from '@/components/layout/site-shell';
import { ViewBeacon } from '@/components/layout/view-beacon';

export const generateMetadata = siteMetadata;

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <SiteShell>
      {children}
      <ViewBeacon />
    </SiteShell>
  );
}
