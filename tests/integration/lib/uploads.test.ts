import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { POST } from '@/app/api/admin/uploads/route';
import { GET } from '@/app/media/[file]/route';
import { getDb } from '@/db/index';
import { getUpload, getUploadByFile } from '@/db/queries/uploads';
import { activityLog, uploads, type UserRole } from '@/db/schema';
import { dataPaths } from '@/lib/data-folder';
import { auth } from '@/lib/auth';
import { MAX_UPLOAD_BYTES, storeUpload, type UploadResult } from '@/lib/uploads';
import { createAuthor } from '../../helpers/fixtures';
import { driverError, foreignKeyViolation } from '../../helpers/database-errors';
import { asSession } from '../../helpers/session';

// The route handler's session comes from Auth.js cookies; here the test says who is asking.
jest.mock('@/lib/auth', () => ({ auth: jest.fn() }));
// No request here to read a session cookie from: every session comes from the mocked auth().
jest.mock('@/lib/stored-session', () => ({ readStoredSession: async () => undefined }));
// Each upload is now encoded four times over (main file and 400/800/1200 px copies): slow on a busy machine.
jest.setTimeout(30_000);
const signIn = (user: { id: string; name: string | null; role: UserRole } | null) => jest.mocked(auth).mockResolvedValue(asSession(user));

const uploadsDir = () => dataPaths.uploads;
const storedFiles = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()) : []);
const rowCount = async () => (await getDb().select().from(uploads)).length;
const person = (role: UserRole) => createAuthor({ role });

/** A landscape photo as a phone sends it: stored sideways with "rotate 90°" in EXIF, plus the camera and a GPS position. */
const phonePhoto = () =>
  sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#c8844a' } })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'PhoneCo', Model: 'Pocket 9' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 12/1' } })
    .jpeg()
    .toBuffer();

const smallPng = () =>
  sharp({ create: { width: 800, height: 600, channels: 4, background: '#3366ff80' } })
    .png()
    .toBuffer();

/** Three differently coloured 200×100 frames. */
function animatedGif() {
  const pixels = Buffer.alloc(200 * 300 * 4);
  for (let i = 0; i < pixels.length; i += 4) pixels.set([Math.floor(i / 4 / 200 / 100) * 100, 80, 40, 255], i);
  return sharp(pixels, { raw: { width: 200, height: 300, channels: 4, pageHeight: 100 } })
    .gif({ loop: 0, delay: [100, 200, 300] })
    .toBuffer();
}

function expectStored(result: UploadResult) {
  if (!result.ok) throw new Error(`expected the upload to be stored, got: ${result.message}`);
  return result.upload;
}

const storedPath = (url: string) => path.join(uploadsDir(), path.basename(url));

describe('storeUpload', () => {
  it('stores a phone photo upright, at most 1600 px wide, as WebP without its EXIF, and logs it', async () => {
    const author = await person('author');
    const photo = await phonePhoto();
    const original = await sharp(photo).metadata();
    expect(original.orientation).toBe(6);
    expect(original.exif?.includes('PhoneCo')).toBe(true);
    expect(original.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer (tag 0x8825)

    const upload = expectStored(await storeUpload(author, photo, 'IMG_0001.jpg', new Date('2026-03-01T10:00:00Z')));

    expect(upload).toMatchObject({ width: 1600, height: 2400 }); // 3000×2000 turned upright is 2000×3000
    expect(upload.url).toMatch(/^\/media\/[a-f0-9]{32}\.webp$/);
    const stored = fs.readFileSync(storedPath(upload.url));
    const metadata = await sharp(stored).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 1600, height: 2400 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(stored.includes('PhoneCo')).toBe(false);

    expect(await getUpload(upload.id)).toMatchObject({ file: path.basename(upload.url), mimeType: 'image/webp', width: 1600, height: 2400, bytes: stored.length });
    const logged = await getDb().select().from(activityLog).where(eq(activityLog.action, 'upload.create'));
    expect(logged.at(-1)).toMatchObject({ actorId: author.id, subject: `${path.basename(upload.url)} (1600×2400)` });
  });

  it('never enlarges a small image and keeps its size', async () => {
    const upload = expectStored(await storeUpload(await person('admin'), await smallPng()));
    expect(upload).toMatchObject({ width: 800, height: 600 });
    expect(await sharp(fs.readFileSync(storedPath(upload.url))).metadata()).toMatchObject({ format: 'webp', width: 800, height: 600, hasAlpha: true });
  });

  it('keeps an animated GIF animated, as WebP with its frames and timing, and records one frame’s size', async () => {
    const upload = expectStored(await storeUpload(await person('author'), await animatedGif()));
    expect(upload).toMatchObject({ width: 200, height: 100 });
    const metadata = await sharp(fs.readFileSync(storedPath(upload.url)), { animated: true }).metadata();
    expect(metadata).toMatchObject({ format: 'webp', pages: 3, pageHeight: 100, delay: [100, 200, 300], loop: 0 });
  });

  it.each([
    ['a text file renamed .png', Buffer.from('Notes for my next post, definitely not a picture.'), 'That file is not a JPEG, PNG, WebP or GIF image.'],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 'That file is not a JPEG, PNG, WebP or GIF image.'],
    [
      'a PNG signature followed by garbage',
      Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(500, 7)]),
      'That image could not be read; the file may be damaged. Please try another.',
    ],
    ['an empty file', Buffer.alloc(0), 'That file is empty. Please choose an image.'],
    ['anything over 8 MB', Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0xff), 'That image is larger than 8 MB. Please choose a smaller one.'],
  ])('refuses %s and stores nothing', async (_name, bytes, message) => {
    const [files, rows] = [storedFiles().length, await rowCount()];
    expect(await storeUpload(await person('author'), bytes)).toMatchObject({ ok: false, message });
    expect([storedFiles().length, await rowCount()]).toEqual([files, rows]);
  });

  it('refuses an image over 10,000 px on a side before decoding it', async () => {
    const wide = await sharp({ create: { width: 10_001, height: 4, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(await storeUpload(await person('author'), wide)).toMatchObject({ ok: false, reason: 'too-many-pixels' });
  });

  it('refuses a photo whose pixels are cut off, with a clear message', async () => {
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await storeUpload(await person('author'), photo.subarray(0, photo.length / 2))).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('lets only authors and admins upload', async () => {
    const png = await smallPng();
    for (const role of ['member', 'moderator'] as const) {
      expect(await storeUpload(await person(role), png)).toEqual({ ok: false, reason: 'forbidden', message: 'Only authors and admins can upload images.' });
    }
    expect((await storeUpload(await person('author'), png)).ok).toBe(true);
  });

  it('deletes the written file again when its row cannot be saved', async () => {
    const [files, rows] = [storedFiles().length, await rowCount()];
    const ghost = { id: 'no-such-user', name: 'Ghost', role: 'author' as const }; // the uploader foreign key fails
    // Matched by code: the driver's error class can come from another test file's realm, failing toThrow's instanceof check.
    await expect(storeUpload(ghost, await smallPng())).rejects.toMatchObject(driverError({ code: foreignKeyViolation() }));
    expect([storedFiles().length, await rowCount()]).toEqual([files, rows]);
  });
});

describe('upload queries', () => {
  it('finds uploads by id and by file', async () => {
    const author = await person('author');
    const newer = expectStored(await storeUpload(author, await smallPng(), 'small.png', new Date('2030-01-02T00:00:00Z')));
    expect(await getUploadByFile(path.basename(newer.url))).toMatchObject({ id: newer.id, url: newer.url });
    expect(await getUpload(-1)).toBeNull();
    expect(await getUpload(newer.id)).toMatchObject({ id: newer.id, url: newer.url });
  });
});

describe('GET /media/[file]', () => {
  const get = (file: string) => GET(new Request(`http://localhost/media/${encodeURIComponent(file)}`), { params: Promise.resolve({ file }) });

  it('serves a stored image with long-lived caching and its real type', async () => {
    const upload = expectStored(await storeUpload(await person('author'), await smallPng()));
    const response = await get(path.basename(upload.url));
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/webp',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-length': String(fs.statSync(storedPath(upload.url)).size),
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(storedPath(upload.url)))).toBe(true);
  });

  it.each(['../hearth.db', '..%2Fhearth.db', '../../etc/passwd', `${'a'.repeat(32)}.webp`, `${'A'.repeat(32)}.webp`, `${'a'.repeat(32)}.svg`, 'hearth.db'])('answers 404 for %s', async (file) => {
    const response = await get(file);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 404 (and logs) when a recorded file has gone from the disk', async () => {
    const upload = expectStored(await storeUpload(await person('author'), await smallPng()));
    fs.rmSync(storedPath(upload.url));
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    expect((await get(path.basename(upload.url))).status).toBe(404);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('missing'));
    error.mockRestore();
  });
});

describe('POST /api/admin/uploads', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) => POST(new Request('http://localhost/api/admin/uploads', { method: 'POST', body, headers }));
  const form = (bytes: Buffer, name: string, type: string) => {
    const data = new FormData();
    data.append('file', new File([new Uint8Array(bytes)], name, { type }));
    return data;
  };

  it('stores an author’s image and answers with its id, address and size, never cached', async () => {
    signIn(await person('author'));
    const response = await post(form(await phonePhoto(), 'IMG_0001.jpg', 'image/jpeg'));
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = await response.json();
    expect(body).toEqual({ id: expect.any(Number), url: expect.stringMatching(/^\/media\/[a-f0-9]{32}\.webp$/), width: 1600, height: 2400 });
    expect(await getUpload(body.id)).not.toBeNull();
  });

  it('asks signed-out visitors to sign in and refuses members', async () => {
    const png = form(await smallPng(), 'a.png', 'image/png');
    signIn(null);
    expect((await post(png)).status).toBe(401);
    signIn(await person('member'));
    const response = await post(png);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'Only authors and admins can upload images.' });
  });

  it('refuses a text file dressed as a PNG with 415, storing nothing', async () => {
    signIn(await person('author'));
    const [files, rows] = [storedFiles().length, await rowCount()];
    const response = await post(form(Buffer.from('hello, I am text'), 'photo.png', 'image/png'));
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: 'That file is not a JPEG, PNG, WebP or GIF image.' });
    expect([storedFiles().length, await rowCount()]).toEqual([files, rows]);
  });

  it('refuses oversized uploads with 413, by Content-Length and by the bytes actually sent', async () => {
    signIn(await person('author'));
    const tooLarge = { error: 'That image is larger than 8 MB. Please choose a smaller one.' };
    const announced = await post(form(await smallPng(), 'a.png', 'image/png'), { 'content-length': String(20 * 1024 * 1024) });
    expect([announced.status, await announced.json()]).toEqual([413, tooLarge]);
    const sent = await post(form(Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0xff), 'big.jpg', 'image/jpeg'));
    expect([sent.status, await sent.json()]).toEqual([413, tooLarge]);
  });

  it('stops reading a body without Content-Length soon after 8 MB', async () => {
    signIn(await person('author'));
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request('http://localhost/api/admin/uploads', { method: 'POST', body: endless, headers: { 'content-type': 'multipart/form-data; boundary=x' }, duplex: 'half' } as RequestInit);
    expect((await POST(request)).status).toBe(413);
    expect(pulled).toBeLessThan(MAX_UPLOAD_BYTES + 1024 * 1024);
  });

  it('answers 400 when there is no file field or the body is not a form', async () => {
    signIn(await person('author'));
    const noFile = new FormData();
    noFile.append('picture', 'not a file');
    expect((await post(noFile)).status).toBe(400);
    expect((await post('{"file":"x"}', { 'content-type': 'application/json' })).status).toBe(400);
    const broken = await post('--x\r\nnonsense', { 'content-type': 'multipart/form-data; boundary=x' });
    expect([broken.status, await broken.json()]).toEqual([400, { error: 'Send the image as multipart/form-data in a field named “file”.' }]);
  });
});
