import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { DateStyleProvider } from '@/components/layout/site-date';
import { env } from '@/lib/env';
import { readDateStyle, readSiteIdentity } from '@/lib/reader-data';
import { iconLinks } from '@/lib/site-identity/icons';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import { READING_BOOT_SCRIPT } from '@/lib/reading-preferences';
import './globals.css';

/** The site's icons (versioned by the uploaded icon, so a new upload changes their URLs at once). */
export async function generateMetadata(): Promise<Metadata> {
  const { iconUploadId } = await readSiteIdentity();
  return { metadataBase: new URL(env.siteUrl), icons: iconLinks(iconUploadId) };
}
export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbf7f2' },
    { media: '(prefers-color-scheme: dark)', color: '#1d1916' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const dateStyle = await readDateStyle();
  return (
    // The boot script sets reading preferences on <html> before hydration, hence suppressHydrationWarning.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* The placeholder becomes this response's CSP nonce in server/index.js (unset under `next dev`, which sends no CSP). */}
        <script nonce={env.HEARTH_NONCE_PLACEHOLDER} dangerouslySetInnerHTML={{ __html: READING_BOOT_SCRIPT }} />
      </head>
      <body>
        <DateStyleProvider style={dateStyle}>{children}</DateStyleProvider>
      </body>
    </html>
  );
}
