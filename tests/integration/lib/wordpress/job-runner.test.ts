/**
 * An admin import's job, run the way the import process runs it (runImportJob), on a real small export and
 * a real database: progress and the report land in the row, the uploaded files are removed, an unreadable
 * export fails with the reader's own message, and a job that is not queued is never run twice.
 * Needs the importer (lib/wordpress/import.ts), merged from its own branch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { createImportJob, getImportJobView } from '@/db/queries/import-jobs';
import { importJobs, posts } from '@/db/schema';
import { receiveImportPart, uploadFiles } from '@/lib/wordpress/import-upload';
import { runImportJob } from '@/lib/wordpress/job-runner';
import type { ImportReport } from '@/lib/wordpress/report';
import { createAuthor } from '../../../helpers/fixtures';

jest.setTimeout(30_000);

const SMALL_EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Old site</title><link>https://old.example.org</link><description>Pacing together</description>
  <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example.org</wp:base_site_url><wp:base_blog_url>https://old.example.org</wp:base_blog_url>
  <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[mira]]></wp:author_login><wp:author_email><![CDATA[mira@example.org]]></wp:author_email><wp:author_display_name><![CDATA[Mira]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>
  <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[living-with-me]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Living with ME]]></wp:cat_name></wp:category>
  <item>
    <title><![CDATA[Pacing with an energy budget]]></title><link>https://old.example.org/2024/05/01/pacing/</link><pubDate>Wed, 01 May 2024 09:00:00 +0000</pubDate>
    <dc:creator><![CDATA[mira]]></dc:creator><guid isPermaLink="false">https://old.example.org/?p=42</guid>
    <content:encoded><![CDATA[<p>Spend energy like money.</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>42</wp:post_id><wp:post_date><![CDATA[2024-05-01 11:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2024-05-01 09:00:00]]></wp:post_date_gmt>
    <wp:comment_status><![CDATA[open]]></wp:comment_status><wp:post_name><![CDATA[pacing]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>
    <wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type><![CDATA[post]]></wp:post_type><wp:is_sticky>0</wp:is_sticky>
    <category domain="category" nicename="living-with-me"><![CDATA[Living with ME]]></category>
  </item>
</channel>
</rss>
`;

async function* once(text: string) {
  yield new Uint8Array(Buffer.from(text));
}

async function queuedJob(exportText: string, dryRun = false) {
  const admin = await createAuthor({ role: 'admin', name: 'Ada Admin' });
  const received = await receiveImportPart('export', once(exportText));
  if (!received.ok) throw new Error(received.reason);
  const files = uploadFiles(received.uploadId)!;
  const job = (await createImportJob({ fileName: 'old-site.xml', filePath: files.exportPath, uploadsPath: null, dryRun, startedById: admin.id }))!;
  return { job, folder: files.folder };
}

beforeEach(() => withTransaction((tx) => tx.delete(importJobs)));

test('a queued import runs: the report and progress land in the row, the post comes in, the files go', async () => {
  const { job, folder } = await queuedJob(SMALL_EXPORT);
  expect(await runImportJob(job.id)).toBe('done');
  const view = (await getImportJobView(job.id))!;
  expect(view).toMatchObject({ status: 'done', error: null, interrupted: false, stage: 'Finished' });
  expect((view.report as ImportReport).counts.post).toMatchObject({ added: 1 });
  expect(view.finishedAt).toBeInstanceOf(Date);
  expect((await getDb().select().from(posts).where(eq(posts.slug, 'pacing')))[0]).toMatchObject({ title: 'Pacing with an energy budget' });
  expect(fs.existsSync(folder)).toBe(false);
});

test('a dry run reports and writes nothing', async () => {
  // Another slug than the first test's post, which is already in this database.
  const { job } = await queuedJob(SMALL_EXPORT.replaceAll('pacing', 'resting'), true);
  expect(await runImportJob(job.id)).toBe('done');
  expect(((await getImportJobView(job.id))!.report as ImportReport).dryRun).toBe(true);
  expect((await getDb().select().from(posts).where(eq(posts.slug, 'resting')))[0]).toBeUndefined();
});

test('an export that is not WXR fails with the reader’s message, and its files go', async () => {
  const { job, folder } = await queuedJob('<?xml version="1.0"?><html><body>Not an export</body></html>');
  expect(await runImportJob(job.id)).toBe('failed');
  const view = (await getImportJobView(job.id))!;
  expect(view.status).toBe('failed');
  expect(view.error).toMatch(/\S/);
  expect(view.error).not.toMatch(/unexpected problem/);
  expect(fs.existsSync(folder)).toBe(false);
  expect(fs.existsSync(path.dirname(folder))).toBe(true);
});

test('a job that is not queued is not run (a second process for the same job refuses)', async () => {
  const { job } = await queuedJob(SMALL_EXPORT);
  await runImportJob(job.id);
  await expect(runImportJob(job.id)).rejects.toThrow(/not waiting to run/);
});
