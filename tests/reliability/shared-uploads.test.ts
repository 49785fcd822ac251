/**
 * Two servers of one site on one database (a shared SQLite file, or one PostgreSQL database on the PostgreSQL run),
 * each with its own data folder and both with one UPLOADS_DIR outside either, as NFS or a shared volume gives
 * several machines: an image an admin uploads through server A (the upload route the media library and editor
 * use) is served by server B with the same bytes and type, and B renders a post showing it with its size. A
 * WordPress import whose export reaches A, whose uploads archive reaches B and which A starts copies its image
 * into UPLOADS_DIR, where B serves it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { zipBuffer } from '../fixtures/wordpress/zip-writer';
import { startServer, type App } from './support/app';
import { addPerson, startSite, type Site } from './support/site';
import { uploadImage } from './support/site-content';

let root: string;
let shared: string;
let a: Site;
let b: App;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-two-servers-'));
  shared = path.join(root, 'shared', 'uploads');
  fs.mkdirSync(shared, { recursive: true });
  // Every server of a site shares its secret and its uploads folder; each keeps its own data folder.
  const site = { UPLOADS_DIR: shared, AUTH_SECRET: randomBytes(32).toString('base64url') };
  a = await startSite({ ...site, DATA_DIR: path.join(root, 'data-a') });
  b = await startServer({ env: { ...site, DATABASE_URL: a.databaseUrl, DATA_DIR: path.join(root, 'data-b') } });
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

it('serves through B, with the right bytes and type, an image uploaded through A, kept only in UPLOADS_DIR', async () => {
  const admin = await addPerson(a.db, 'admin');
  const url = await uploadImage(a.app.url, admin);
  const file = path.basename(url);

  const fromB = await fetch(`${b.url}${url}`);
  expect(fromB.status).toBe(200);
  expect(fromB.headers.get('content-type')).toBe('image/webp');
  const served = await bytesOf(fromB);
  expect(served.equals(fs.readFileSync(path.join(shared, file)))).toBe(true);
  expect(served.equals(await bytesOf(await fetch(`${a.app.url}${url}`)))).toBe(true);
  for (const dataFolder of ['data-a', 'data-b']) expect(fs.existsSync(path.join(root, dataFolder, 'uploads'))).toBe(false);
});

it('renders on B a post showing the image uploaded through A, with its width and height', async () => {
  const admin = await addPerson(a.db, 'admin');
  const url = await uploadImage(a.app.url, admin);
  const slug = `shared-image-${Date.now()}`;
  await a.db.run("INSERT INTO posts (slug, title, excerpt, body, status, published_at, author_id) VALUES (?, ?, ?, ?, 'published', ?, ?)", [
    slug,
    'A picture from the other server',
    'An image uploaded through another server.',
    `Before the picture.\n\n![A copper square](${url})\n\nAfter it.`,
    new Date(Date.now() - 60_000),
    admin.id,
  ]);

  const page = await fetch(`${b.url}/posts/${slug}`);
  expect(page.status).toBe(200);
  // uploadImage sends a 64×48 picture: stored at that size, with no smaller copies.
  expect(await page.text()).toContain(`<img src="${url}" alt="A copper square" width="64" height="48" loading="lazy" decoding="async" />`);
});

const WXR = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old site</title><link>https://old.example.org</link><description></description>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example.org</wp:base_site_url><wp:base_blog_url>https://old.example.org</wp:base_blog_url>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[mira]]></wp:author_login><wp:author_email><![CDATA[mira@example.org]]></wp:author_email><wp:author_display_name><![CDATA[Mira]]></wp:author_display_name></wp:author>
<item><title><![CDATA[Sunrise over the allotment]]></title><link>https://old.example.org/2024/05/01/sunrise/</link><pubDate>Wed, 01 May 2024 09:00:00 +0000</pubDate><dc:creator><![CDATA[mira]]></dc:creator><guid isPermaLink="false">https://old.example.org/?p=42</guid><description></description><content:encoded><![CDATA[<p>Up early.</p>
<img src="https://old.example.org/wp-content/uploads/2024/05/sunrise.png" alt="A sunrise" />]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>42</wp:post_id><wp:post_date><![CDATA[2024-05-01 09:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2024-05-01 09:00:00]]></wp:post_date_gmt><wp:comment_status><![CDATA[open]]></wp:comment_status><wp:ping_status><![CDATA[closed]]></wp:ping_status><wp:post_name><![CDATA[sunrise-over-the-allotment]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password><wp:is_sticky>0</wp:is_sticky></item>
</channel></rss>
`;

it('imports a WordPress site whose parts reach different servers, its image landing in UPLOADS_DIR', async () => {
  const admin = await addPerson(a.db, 'admin');
  const request = (server: string, route: string, method: string, body: BodyInit, type: string) =>
    fetch(`${server}/api/admin/import${route}`, { method, body, headers: { Cookie: admin.cookie, 'Content-Type': type } });
  const png = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#e0642a' } })
    .png()
    .toBuffer();

  const exported = await request(a.app.url, '?part=export', 'PUT', WXR, 'application/octet-stream');
  expect(exported.status).toBe(201);
  const { upload } = (await exported.json()) as { upload: string };
  const archive = await request(b.url, `?part=uploads&upload=${upload}`, 'PUT', new Uint8Array(zipBuffer([{ name: 'wp-content/uploads/2024/05/sunrise.png', data: png }])), 'application/octet-stream');
  expect(archive.status).toBe(201);
  const started = await request(a.app.url, '', 'POST', JSON.stringify({ uploadId: upload, fileName: 'old-site.xml', dryRun: false }), 'application/json');
  expect(started.status).toBe(201);
  const { job } = (await started.json()) as { job: number };

  let status = '';
  for (let tries = 0; tries < 120 && !['done', 'failed'].includes(status); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    ({ status } = (await (await fetch(`${b.url}/api/admin/import/${job}`, { headers: { Cookie: admin.cookie } })).json()) as { status: string });
  }
  expect(status).toBe('done');

  const page = await (await fetch(`${b.url}/posts/sunrise-over-the-allotment`)).text();
  const src = /<img src="(\/media\/[a-f0-9]{32}\.webp)" alt="A sunrise" width="120" height="80"/.exec(page)?.[1];
  expect(src).toBeDefined();
  const image = await fetch(`${b.url}${src}`);
  expect(image.status).toBe(200);
  expect((await bytesOf(image)).equals(fs.readFileSync(path.join(shared, path.basename(src!))))).toBe(true);
});
