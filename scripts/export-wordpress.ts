// `npm run export [-- out.xml] [--with-commenter-emails]`: the whole site as a WordPress export (WXR), for
// WordPress's own importer. The file is owner-only: it holds authors' addresses (and commenters' ones when
// asked for, for your own move only).
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { env } from '@/lib/env';
import { exportFileName, writeWxr } from '@/lib/wordpress/wxr-writer';

process.umask(0o077);

const args = process.argv.slice(2);
const includeCommenterEmails = args.includes('--with-commenter-emails');
const target = path.resolve(args.find((a) => !a.startsWith('--')) ?? exportFileName());

pipeline(Readable.from(writeWxr({ siteUrl: env.siteUrl, includeCommenterEmails })), fs.createWriteStream(target, { mode: 0o600 })).then(
  () => console.log(`Exported the site to ${target}${includeCommenterEmails ? ' (with commenters’ email addresses: keep it private)' : ''}.`),
  (error: unknown) => {
    console.error(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
