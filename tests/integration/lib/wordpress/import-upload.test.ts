/**
 * The admin import's files arrive as raw request bodies and are streamed to a private folder: right-looking
 * files kept owner-only, anything else (not XML, not a zip, empty, over the limit, lying Content-Length)
 * refused with its message and nothing left behind. Admins only.
 */
import fs from 'node:fs';
import type { UserRole } from '@/db/schema';
import { PUT } from '@/app/api/admin/import/route';
import { auth } from '@/lib/auth';
import { createImportJob } from '@/db/queries/import-jobs';
import { ABANDONED_AFTER_MS, importsFolder, receiveImportPart, uploadFiles } from '@/lib/wordpress/import-upload';
import { createAuthor } from '../../../helpers/fixtures';
import { asSession } from '../../../helpers/session';

jest.mock('@/lib/auth', () => ({ auth: jest.fn() }));
// No request here to read a session cookie from: every session comes from the mocked auth().
jest.mock('@/lib/stored-session', () => ({ readStoredSession: async () => undefined }));
const signIn = (role: UserRole | null) => jest.mocked(auth).mockResolvedValue(asSession(role && { id: 'u1', name: 'Ada', role }));

const WXR = '\uFEFF\n  <?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Old site</title></channel></rss>\n';
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(3000, 7)]);

/** A body arriving in small pieces, as a network would deliver it. */
async function* pieces(data: Buffer | string, size = 100) {
  const bytes = Buffer.from(data);
  for (let at = 0; at < bytes.length; at += size) yield new Uint8Array(bytes.subarray(at, at + size));
}
const leftovers = () => (fs.existsSync(importsFolder()) ? fs.readdirSync(importsFolder()) : []);
const put = (query: string, body: Buffer | string, headers: Record<string, string> = {}) =>
  PUT(
    new Request(`http://localhost/api/admin/import?${query}`, {
      method: 'PUT',
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: { 'Content-Type': 'application/octet-stream', ...headers },
    }),
  );

beforeEach(() => fs.rmSync(importsFolder(), { recursive: true, force: true }));

test('an export and its uploads archive are kept together, owner-only, byte for byte', async () => {
  const exported = await receiveImportPart('export', pieces(WXR));
  if (!exported.ok) throw new Error(exported.reason);
  const archive = await receiveImportPart('uploads', pieces(ZIP, 999), exported.uploadId);
  expect(archive).toEqual({ ok: true, uploadId: exported.uploadId, bytes: ZIP.length });
  const files = uploadFiles(exported.uploadId)!;
  expect(fs.readFileSync(files.exportPath, 'utf8')).toBe(WXR);
  expect(fs.readFileSync(files.uploadsPath).equals(ZIP)).toBe(true);
  expect(fs.statSync(files.folder).mode & 0o777).toBe(0o700);
  expect(fs.statSync(files.exportPath).mode & 0o777).toBe(0o600);
  expect(fs.statSync(files.uploadsPath).mode & 0o777).toBe(0o600);
});

test.each([
  ['a PDF as the export', 'export' as const, '%PDF-1.7 ' + 'x'.repeat(5000), 'not-xml'],
  ['a short text file as the export', 'export' as const, 'hello', 'not-xml'],
  ['nothing at all', 'export' as const, '', 'empty'],
  ['XML as the uploads archive', 'uploads' as const, WXR, 'not-zip'],
])('%s is refused and nothing is left behind', async (_name, part, body, reason) => {
  const uploadId = part === 'uploads' ? ((await receiveImportPart('export', pieces(WXR))) as { uploadId: string }).uploadId : undefined;
  expect(await receiveImportPart(part, pieces(body), uploadId)).toEqual({ ok: false, reason });
  if (uploadId) expect(fs.readdirSync(uploadFiles(uploadId)!.folder)).toEqual(['export.xml']);
  else expect(leftovers()).toEqual([]);
});

test('a body growing past the limit is cut off and its partial file removed', async () => {
  const big = WXR + ' '.repeat(10_000);
  expect(await receiveImportPart('export', pieces(big, 1000), undefined, 5_000)).toEqual({ ok: false, reason: 'too-large-export' });
  expect(leftovers()).toEqual([]);
});

test('an uploads archive for an unknown or malformed upload id is refused', async () => {
  expect(await receiveImportPart('uploads', pieces(ZIP), '../../etc')).toEqual({ ok: false, reason: 'unknown-upload' });
  expect(await receiveImportPart('uploads', pieces(ZIP), '00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, reason: 'unknown-upload' });
  expect(leftovers()).toEqual([]);
});

describe('the upload route', () => {
  test('only admins may upload', async () => {
    for (const [role, status] of [
      [null, 401],
      ['member', 403],
      ['author', 403],
      ['moderator', 403],
    ] as const) {
      signIn(role);
      expect((await put('part=export', WXR)).status).toBe(status);
    }
    expect(leftovers()).toEqual([]);
  });

  test('an admin uploads the export then the archive; wrong files get a clear message', async () => {
    signIn('admin');
    const first = await put('part=export', WXR);
    expect(first.status).toBe(201);
    const { upload } = await first.json();
    expect((await put(`part=uploads&upload=${upload}`, ZIP)).status).toBe(201);
    const wrong = await put('part=export', '%PDF-1.7 ' + 'x'.repeat(2000));
    expect(wrong.status).toBe(415);
    expect((await wrong.json()).error).toMatch(/not a WordPress export/);
    expect((await put('part=other', WXR)).status).toBe(400);
  });

  test('a declared size over 2 GB is refused before reading', async () => {
    signIn('admin');
    const response = await put('part=export', WXR, { 'Content-Length': String(3 * 1024 ** 3) });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/larger than 2 GB/);
    expect(leftovers()).toEqual([]);
  });
});

test('uploads abandoned over a day ago are removed when a new export arrives; those a job may read are kept', async () => {
  const make = async () => ((await receiveImportPart('export', pieces(WXR))) as { uploadId: string }).uploadId;
  const [old, oldButUsed, recent] = [await make(), await make(), await make()];
  const dayAgo = new Date(Date.now() - ABANDONED_AFTER_MS - 60_000);
  for (const id of [old, oldButUsed]) fs.utimesSync(uploadFiles(id)!.folder, dayAgo, dayAgo);
  await createImportJob({ fileName: 'site.xml', filePath: uploadFiles(oldButUsed)!.exportPath, uploadsPath: null, dryRun: false, startedById: (await createAuthor({ role: 'admin' })).id });
  signIn('admin');
  const { upload } = await (await put('part=export', WXR)).json();
  expect(leftovers().sort()).toEqual([oldButUsed, recent, upload].sort());
  expect(old).not.toBe(upload);
});
