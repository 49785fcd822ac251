import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import { READING_BOOT_SCRIPT } from '@/lib/reading-preferences';
import './globals.css';

export const metadata: Metadata = { metadataBase: new URL(env.siteUrl) };
export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbf7f2' },
    { media: '(prefers-color-scheme: dark)', color: '#1d1916' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The boot script sets reading preferences on <html> before hydration, hence suppressHydrationWarning.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* The placeholder becomes this response's CSP nonce in server/index.js (unset under `next dev`, which sends no CSP). */}
        <script nonce={env.HEARTH_NONCE_PLACEHOLDER} dangerouslySetInnerHTML={{ __html: READING_BOOT_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
