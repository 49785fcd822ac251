/**
 * UPLOADS_DIR, the folder several servers of one site share: an upload is written there (not in the data
 * folder), served from there, deleted from there, and made owner-only there at start; an admin import's files
 * wait there too, since its parts and its start may reach different servers. The modules are loaded
 * after the setting is made, as a server reads it at start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createAuthor } from '../../helpers/fixtures';

jest.setTimeout(30_000);

let shared: string;
let modules: {
  storeUpload: typeof import('@/lib/uploads').storeUpload;
  deleteUpload: typeof import('@/lib/media-library').deleteUpload;
  mediaRoute: typeof import('@/app/media/[file]/route').GET;
  dataPaths: typeof import('@/lib/data-folder').dataPaths;
  tightenDataFolder: typeof import('@/lib/data-folder').tightenDataFolder;
  receiveImportPart: typeof import('@/lib/wordpress/import-upload').receiveImportPart;
  uploadFiles: typeof import('@/lib/wordpress/import-upload').uploadFiles;
  dataDir: string;
};

beforeAll(async () => {
  shared = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-shared-uploads-'));
  process.env.UPLOADS_DIR = path.join(shared, 'uploads');
  const [{ storeUpload }, { deleteUpload }, { GET }, { dataPaths, tightenDataFolder }, { receiveImportPart, uploadFiles }, { env }] = await Promise.all([
    import('@/lib/uploads'),
    import('@/lib/media-library'),
    import('@/app/media/[file]/route'),
    import('@/lib/data-folder'),
    import('@/lib/wordpress/import-upload'),
    import('@/lib/env'),
  ]);
  modules = { storeUpload, deleteUpload, mediaRoute: GET, dataPaths, tightenDataFolder, receiveImportPart, uploadFiles, dataDir: env.dataDir };
});
afterAll(() => {
  delete process.env.UPLOADS_DIR;
  fs.rmSync(shared, { recursive: true, force: true });
});

const picture = () =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: '#6a8f4e' } })
    .png()
    .toBuffer();

async function storeOne() {
  const author = await createAuthor({ role: 'author' });
  const result = await modules.storeUpload(author, await picture(), 'garden.png');
  if (!result.ok) throw new Error(result.message);
  return { author, upload: result.upload, file: path.basename(result.upload.url) };
}

it('names UPLOADS_DIR as the one uploads folder', () => {
  expect(modules.dataPaths.uploads).toBe(path.join(shared, 'uploads'));
  expect(modules.dataPaths.folder).not.toBe(shared);
});

it('writes an upload and its smaller copies into UPLOADS_DIR, not the data folder, and serves it from there', async () => {
  const { file } = await storeOne();
  expect(
    fs
      .readdirSync(path.join(shared, 'uploads'))
      .filter((name) => name.startsWith(file.replace('.webp', '')))
      .sort(),
  ).toEqual([file, file.replace('.webp', '-400.webp'), file.replace('.webp', '-800.webp')].sort());
  expect(fs.existsSync(path.join(modules.dataDir, 'uploads', file))).toBe(false);

  const served = await modules.mediaRoute(new Request(`http://localhost/media/${file}`), { params: Promise.resolve({ file }) });
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toBe('image/webp');
  expect(Buffer.from(await served.arrayBuffer()).equals(fs.readFileSync(path.join(shared, 'uploads', file)))).toBe(true);
});

it('deletes an unused image’s files from UPLOADS_DIR', async () => {
  const { author, upload, file } = await storeOne();
  expect(await modules.deleteUpload({ id: author.id, name: author.name, role: 'admin' }, upload.id)).toMatchObject({ ok: true });
  expect(fs.readdirSync(path.join(shared, 'uploads')).filter((name) => name.startsWith(file.replace('.webp', '')))).toEqual([]);
});

it('keeps an admin import’s files in UPLOADS_DIR, where any server finds them', async () => {
  async function* body() {
    yield new TextEncoder().encode('<?xml version="1.0"?><rss version="2.0"><channel/></rss>');
  }
  const received = await modules.receiveImportPart('export', body());
  if (!received.ok) throw new Error(received.reason);
  expect(modules.uploadFiles(received.uploadId)?.exportPath).toBe(path.join(shared, 'uploads', 'imports', received.uploadId, 'export.xml'));
  expect(fs.existsSync(path.join(modules.dataDir, 'imports', received.uploadId))).toBe(false);
});

it('makes UPLOADS_DIR owner-only at start, like the data folder, and says so', async () => {
  const { file } = await storeOne();
  const folder = path.join(shared, 'uploads');
  fs.chmodSync(folder, 0o755);
  fs.chmodSync(path.join(folder, file), 0o644);
  const line = modules.tightenDataFolder();
  expect(line).toContain(`${folder} 0755→0700`);
  expect(line).toContain(`${path.join(folder, file)} 0644→0600`);
  expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
  expect(fs.statSync(path.join(folder, file)).mode & 0o777).toBe(0o600);
});
