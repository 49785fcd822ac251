/**
 * The media library's rules on a real database and a real uploads folder: smaller copies recorded and
 * served, hostile files leaving neither row nor file (even when a step fails halfway), where each image
 * is used, used images protected from deletion, and alt text and captions edited.
 */
import fs from 'node:fs';
import fsSync from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { GET as listRoute, POST } from '@/app/api/admin/uploads/route';
import { GET as mediaRoute } from '@/app/media/[file]/route';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { getUpload, listUploads, listUploadUses, updateUploadDetails } from '@/db/queries/uploads';
import { activityLog, pages, pageWorkingCopies, postWorkingCopies, siteSettings, uploads, type UserRole } from '@/db/schema';
import { dataPaths } from '@/lib/data-folder';
import { deleteUpload } from '@/lib/media-library';
import { auth } from '@/lib/auth';
import { storeUpload, type UploadResult } from '@/lib/uploads';
import { createAuthor, createPost } from '../../helpers/fixtures';
import { driverError, foreignKeyViolation } from '../../helpers/database-errors';
import { asSession } from '../../helpers/session';

jest.mock('@/lib/auth', () => ({ auth: jest.fn() }));
// No request here to read a session cookie from: every session comes from the mocked auth().
jest.mock('@/lib/stored-session', () => ({ readStoredSession: async () => undefined }));
// Every upload is decoded and re-encoded four times over (main file and copies): slow on a busy machine.
jest.setTimeout(30_000);
const signIn = (user: { id: string; name: string | null; role: UserRole } | null) => jest.mocked(auth).mockResolvedValue(asSession(user));

const uploadsDir = () => dataPaths.uploads;
const storedFiles = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()).sort() : []);
const rowCount = async () => (await getDb().select().from(uploads)).length;
const author = () => createAuthor({ role: 'author', name: 'Zoë O’Brien-Ñúñez' });

const photo = (width: number, height: number, background = '#6a8f4e') =>
  sharp({ create: { width, height, channels: 3, background } })
    .jpeg()
    .toBuffer();

function stored(result: UploadResult) {
  if (!result.ok) throw new Error(`expected the upload to be stored, got: ${result.message}`);
  return result.upload;
}
const fileOf = (url: string) => path.basename(url);
const stem = (url: string) => fileOf(url).replace(/\.webp$/, '');
/** The one settings row (a fresh test database has none until something saves settings). */
const setSiteImages = async (images: { iconUploadId?: number | null; logoUploadId?: number | null }) =>
  await withTransaction((tx) =>
    tx
      .insert(siteSettings)
      .values({ id: 1, name: 'Hearth', ...images })
      .onConflictDoUpdate({ target: siteSettings.id, set: images }),
  );

/** A real PNG header (valid CRC) claiming 60,000 × 60,000 pixels, followed by a few bytes of data: a decompression bomb's shape. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(60_000, 0);
  header.writeUInt32BE(60_000, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.alloc(60_001 * 20))), chunk('IEND', Buffer.alloc(0))]);
}

describe('smaller copies', () => {
  it('stores 400, 800 and 1200 px WebP copies of a wide photo, records them and its original name, and serves them', async () => {
    const upload = stored(await storeUpload(await author(), await photo(2400, 1600), 'Zoë’s garden ☀.jpg'));
    const row = (await getUpload(upload.id))!;
    expect(row).toMatchObject({ width: 1600, height: 1067, originalName: 'Zoë’s garden ☀.jpg', variantWidths: [400, 800, 1200] });
    for (const width of [400, 800, 1200]) {
      const name = `${stem(upload.url)}-${width}.webp`;
      const response = await mediaRoute(new Request(`http://localhost/media/${name}`), { params: Promise.resolve({ file: name }) });
      expect(response.status).toBe(200);
      expect(await sharp(Buffer.from(await response.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width });
    }
    const unknown = `${stem(upload.url)}-640.webp`;
    expect((await mediaRoute(new Request(`http://localhost/media/${unknown}`), { params: Promise.resolve({ file: unknown }) })).status).toBe(404);
  });

  it('makes only copies narrower than the image itself, and none for a small one', async () => {
    expect((await getUpload(stored(await storeUpload(await author(), await photo(900, 600))).id))!.variantWidths).toEqual([400, 800]);
    expect((await getUpload(stored(await storeUpload(await author(), await photo(300, 200))).id))!.variantWidths).toEqual([]);
  });

  it('keeps only the file name the uploader’s computer gave, without folders or control characters', async () => {
    const upload = stored(await storeUpload(await author(), await photo(300, 200), 'C:\\Users\\Łukasz\\Pictures\\"Luke" ‹Żółć›\u0007.jpg'));
    expect((await getUpload(upload.id))!.originalName).toBe('"Luke" ‹Żółć›.jpg');
  });
});

describe('hostile files leave neither a row nor a file', () => {
  const post = (bytes: Buffer, name: string, type: string) => {
    const data = new FormData();
    data.append('file', new File([new Uint8Array(bytes)], name, { type }));
    return POST(new Request('http://localhost/api/admin/uploads', { method: 'POST', body: data }));
  };

  it.each([
    ['a PDF named .png', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'), 'scan.png', 'image/png', 415],
    ['an HTML page named .png', Buffer.from('<!doctype html><script>alert(1)</script>'), 'cute-cat.png', 'image/png', 415],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'logo.svg', 'image/svg+xml', 415],
    ['a 0-byte file', Buffer.alloc(0), 'empty.jpg', 'image/jpeg', 400],
    ['a decompression bomb (60,000 × 60,000 pixels in a few kilobytes)', pngBomb(), 'tiny.png', 'image/png', 400],
  ])('%s', async (_name, bytes, name, type, status) => {
    signIn(await author());
    const before = [storedFiles(), await rowCount()];
    const response = await post(bytes, name, type);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toEqual(expect.any(String));
    expect([storedFiles(), await rowCount()]).toEqual(before);
  });

  it('answers each of 50 files sent at once, storing exactly the images', async () => {
    signIn(await author());
    const [filesBefore, rowsBefore] = [storedFiles().length, await rowCount()];
    const image = await photo(500, 300, '#b04a7a');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(i % 5 === 0 ? Buffer.from('not an image') : image, `photo ${i}.jpg`, 'image/jpeg')));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(40);
    expect(statuses.filter((s) => s === 415)).toHaveLength(10);
    expect((await rowCount()) - rowsBefore).toBe(40);
    expect(storedFiles().length - filesBefore).toBe(40 * 2); // each with its 400 px copy
    expect(storedFiles().filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 90_000);

  it('removes every written file and keeps no row when moving the files into place fails halfway', async () => {
    const before = [storedFiles(), await rowCount()];
    const realRename = fsSync.renameSync;
    let renames = 0;
    const rename = jest.spyOn(fsSync, 'renameSync').mockImplementation((from, to) => {
      if (++renames === 2) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      realRename(from, to);
    });
    try {
      await expect(storeUpload(await author(), await photo(2000, 1000))).rejects.toMatchObject({ code: 'ENOSPC' });
    } finally {
      rename.mockRestore();
    }
    expect(renames).toBe(2);
    expect([storedFiles(), await rowCount()]).toEqual(before);
  });

  it('removes every written file, copies included, when the row cannot be saved', async () => {
    const before = [storedFiles(), await rowCount()];
    const ghost = { id: 'no-such-user', name: 'Ghost', role: 'author' as const };
    await expect(storeUpload(ghost, await photo(2000, 1000))).rejects.toMatchObject(driverError({ code: foreignKeyViolation() }));
    expect([storedFiles(), await rowCount()]).toEqual(before);
  });
});

describe('where an image is used, and deleting', () => {
  it('lists post texts (any size of the image, drafts and unpublished edits too), covers, pages and the site icon and logo', async () => {
    const writer = await author();
    const image = stored(await storeUpload(writer, await photo(1000, 800)));
    const other = stored(await storeUpload(writer, await photo(1000, 800)));
    const inText = await createPost({ authorId: writer.id, title: 'Pacing ☕', body: `Look: ![a bench](/media/${stem(image.url)}-800.webp "By the river")` });
    const asCover = await createPost({ authorId: writer.id, title: 'Łukasz "Luke" ‹Żółć›', status: 'draft', coverImageId: image.id });
    const editing = await createPost({ authorId: writer.id, title: 'Being edited', body: 'No pictures yet.' });
    await withTransaction((tx) => tx.insert(postWorkingCopies).values({ postId: editing.id, fields: { body: `![x](${image.url})` }, savedAt: new Date() }));
    const page = (
      await withTransaction((tx) =>
        tx
          .insert(pages)
          .values({ slug: 'about-us', title: 'About us', body: `![team](${image.url})` })
          .returning(),
      )
    )[0];
    const draftPage = (await withTransaction((tx) => tx.insert(pages).values({ slug: 'soon', title: 'Coming soon', body: '', status: 'draft' }).returning()))[0];
    await withTransaction((tx) => tx.insert(pageWorkingCopies).values({ pageId: draftPage.id, fields: { body: `![x](${image.url})` }, savedAt: new Date() }));
    await setSiteImages({ iconUploadId: image.id, logoUploadId: image.id });
    try {
      expect(await listUploadUses((await getUpload(image.id))!)).toEqual(
        expect.arrayContaining([
          { kind: 'post-body', id: inText.id, title: 'Pacing ☕' },
          { kind: 'post-cover', id: asCover.id, title: 'Łukasz "Luke" ‹Żółć›' },
          { kind: 'post-body', id: editing.id, title: 'Being edited' },
          { kind: 'page-body', id: page.id, title: 'About us' },
          { kind: 'page-body', id: draftPage.id, title: 'Coming soon' },
          { kind: 'site-icon' },
          { kind: 'site-logo' },
        ]),
      );
      expect(await listUploadUses((await getUpload(image.id))!)).toHaveLength(7);
      expect(await listUploadUses((await getUpload(other.id))!)).toEqual([]);
    } finally {
      await setSiteImages({ iconUploadId: null, logoUploadId: null });
    }
  });

  it('refuses to delete an image a post uses, changing nothing, and says where it is used', async () => {
    const writer = await author();
    const image = stored(await storeUpload(writer, await photo(1000, 800)));
    await createPost({ authorId: writer.id, title: 'Winter walks', body: `![snow](${image.url})` });
    const before = [storedFiles(), await rowCount()];
    expect(await deleteUpload(writer, image.id)).toEqual({ ok: false, message: 'It cannot be deleted while it is used in the text of the post “Winter walks”.' });
    expect([storedFiles(), await rowCount()]).toEqual(before);
  });

  it('counts a cover chosen only in a published post’s unpublished changes (Update would put it on the site)', async () => {
    const writer = await author();
    const image = stored(await storeUpload(writer, await photo(1000, 800)));
    const live = await createPost({ authorId: writer.id, title: 'Zoë’s garden 🌿', body: 'No pictures.' });
    await withTransaction((tx) => tx.insert(postWorkingCopies).values({ postId: live.id, fields: { body: 'No pictures.', coverImageId: image.id, coverAlt: 'Roses' }, savedAt: new Date() }));
    expect(await listUploadUses((await getUpload(image.id))!)).toEqual([{ kind: 'post-cover', id: live.id, title: 'Zoë’s garden 🌿' }]);
    expect((await deleteUpload(writer, image.id)).ok).toBe(false);
    expect(await getUpload(image.id)).not.toBeNull();
  });

  it('refuses to delete the site icon', async () => {
    const writer = await author();
    const image = stored(await storeUpload(writer, await photo(600, 600)));
    await setSiteImages({ iconUploadId: image.id });
    try {
      expect(await deleteUpload(writer, image.id)).toEqual({ ok: false, message: 'It cannot be deleted while it is used in the site icon.' });
      expect(await getUpload(image.id)).not.toBeNull();
    } finally {
      await setSiteImages({ iconUploadId: null });
    }
  });

  it('deletes an unused image with all its files, and logs it', async () => {
    const writer = await author();
    const image = stored(await storeUpload(writer, await photo(2000, 1000)));
    const mine = () => storedFiles().filter((f) => f.startsWith(stem(image.url)));
    expect(mine()).toHaveLength(4);
    expect(await deleteUpload(writer, image.id)).toEqual({ ok: true, message: 'The image was deleted.' });
    expect(await getUpload(image.id)).toBeNull();
    expect(mine()).toEqual([]);
    expect((await getDb().select().from(activityLog).where(eq(activityLog.action, 'upload.delete'))).at(-1)).toMatchObject({ actorId: writer.id, subject: fileOf(image.url) });
    expect(await deleteUpload(writer, image.id)).toEqual({ ok: false, message: 'That image has already been deleted.' });
  });
});

describe('browsing, searching and describing', () => {
  it('edits alt text and caption, and finds images by original name, alt text or caption, newest first', async () => {
    const writer = await author();
    const garden = stored(await storeUpload(writer, await photo(300, 200), 'Zoë’s garden ☀ (2).jpg', new Date('2031-01-01T00:00:00Z')));
    const bench = stored(await storeUpload(writer, await photo(300, 200), 'IMG_2044.jpg', new Date('2031-01-02T00:00:00Z')));
    expect(await updateUploadDetails(writer, bench.id, { alt: 'A wooden bench by the river', caption: 'Resting spot, 100% shade 🌳' })).toBe(true);
    expect(await getUpload(bench.id)).toMatchObject({ alt: 'A wooden bench by the river', caption: 'Resting spot, 100% shade 🌳' });
    expect(await updateUploadDetails(writer, -1, { alt: 'x', caption: '' })).toBe(false);

    expect((await listUploads('garden ☀ (2', 1)).uploads.map((u) => u.id)).toEqual([garden.id]);
    expect((await listUploads('BENCH', 1)).uploads.map((u) => u.id)).toEqual([bench.id]);
    expect((await listUploads('100%', 1)).uploads.map((u) => u.id)).toEqual([bench.id]);
    expect((await listUploads('10_%', 1)).uploads).toEqual([]);
    const newest = (await listUploads('', 1)).uploads.map((u) => u.id);
    expect(newest.indexOf(bench.id)).toBeLessThan(newest.indexOf(garden.id));
  });

  it('lists the library over GET for writers only', async () => {
    signIn(await author());
    const response = await listRoute(new Request('http://localhost/api/admin/uploads?q=garden ☀ (2'));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.images[0]).toEqual({ id: expect.any(Number), url: expect.stringMatching(/^\/media\//), width: 300, height: 200, originalName: 'Zoë’s garden ☀ (2).jpg', alt: '', caption: '' });
    signIn(await createAuthor({ role: 'moderator' }));
    expect((await listRoute(new Request('http://localhost/api/admin/uploads'))).status).toBe(403);
    signIn(null);
    expect((await listRoute(new Request('http://localhost/api/admin/uploads'))).status).toBe(401);
  });
});
