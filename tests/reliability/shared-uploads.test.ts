/**
 * Two servers of one site on one database (a shared SQLite file, or one PostgreSQL database on the PostgreSQL run),
 * each with its own data folder and both with one UPLOADS_DIR outside either, as NFS or a shared volume gives
 * several machines: an image an admin uploads through server A (the upload route the media library and editor
 * use) is served by server B with the same bytes and type, and B renders a post showing it with its size.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
