/**
 * Site identity through the settings rule and the icon routes, on a real database and real stored uploads:
 * the time zone, date format, icon and logo are saved by admins only and checked; the favicon, touch icon and
 * sized PNGs are real images made from the uploaded icon (Hearth's own before one exists), versioned by it.
 */
import sharp from 'sharp';
import { GET as appleTouchIcon } from '@/app/apple-touch-icon.png/route';
import { GET as favicon } from '@/app/favicon.ico/route';
import { GET as pngIcon } from '@/app/icons/[file]/route';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { getSiteIdentity, getSiteSettings } from '@/db/queries/settings';
import { activityLog, siteSettings, users, type UserRole } from '@/db/schema';
import { invalid } from '@/lib/actions/state';
import { updateSettings } from '@/lib/site-admin/settings';
import { storeUpload } from '@/lib/uploads';
import { siteSettingsSchema, type SiteSettingsInput } from '@/lib/validations/site-settings';

jest.mock('next/server', () => ({ ...jest.requireActual('next/server'), connection: async () => undefined }));

beforeAll(() => withTransaction((tx) => tx.insert(siteSettings).values({ id: 1, name: 'Zoë O’Brien-Ñúñez’s Hearth' })));
let counter = 0;
const person = async (role: UserRole, name = `Łukasz "Luke" ‹Żółć› ${++counter}`) => {
  const row = (
    await withTransaction((tx) =>
      tx
        .insert(users)
        .values({ name, email: `p${++counter}@example.org`, role })
        .returning(),
    )
  )[0];
  return { id: row.id, name: row.name, role: row.role };
};
const base: SiteSettingsInput = {
  name: 'Zoë O’Brien-Ñúñez’s Hearth 🌿',
  tagline: '',
  about: '',
  communityLinks: [],
  supportResources: [],
  holdFirstComment: true,
  maxCommentLinks: '2',
  blockedWords: '',
  commentsMembersOnly: false,
  commentsNoSnippet: false,
  iconUploadId: '',
  logoUploadId: '',
  timeZone: 'UTC',
  dateFormat: 'long',
};
const save = (actor: Awaited<ReturnType<typeof person>>, change: Partial<SiteSettingsInput>) => {
  const parsed = siteSettingsSchema.safeParse({ ...base, ...change });
  return parsed.success ? updateSettings(actor, parsed.data) : invalid(parsed.error);
};
const logLength = async () => (await getDb().select().from(activityLog)).length;
const square = (colour: string, size = 600) =>
  sharp({ create: { width: size, height: size, channels: 3, background: colour } })
    .png()
    .toBuffer();
const get = (url: string) => new Request(`http://localhost${url}`);
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());
/** The average colour of a PNG, as [r, g, b]. */
const colourOf = async (png: Buffer) => (await sharp(png).stats()).channels.slice(0, 3).map((c) => Math.round(c.mean));

/** The images an .ico holds: their sizes from the directory, each a PNG. */
function readIco(ico: Buffer) {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
    return { size: ico.readUInt8(entry), png };
  });
}

describe('the site identity settings', () => {
  it.each(['member', 'author', 'moderator'] as const)('refuses the %s role and changes nothing', async (role) => {
    const before = [await getSiteIdentity(), await logLength()];
    expect(await save(await person(role), { timeZone: 'America/New_York', dateFormat: 'us' })).toMatchObject({ ok: false });
    expect([await getSiteIdentity(), await logLength()]).toEqual(before);
  });

  it('saves the zone, format, icon and logo for an admin; the logo reaches the site’s header data', async () => {
    const admin = await person('admin', 'Ada');
    const icon = await storeUpload(admin, await square('#d03030'));
    const logo = await storeUpload(
      admin,
      await sharp({ create: { width: 400, height: 100, channels: 3, background: '#205080' } })
        .png()
        .toBuffer(),
    );
    if (!icon.ok || !logo.ok) throw new Error('uploads refused');
    expect(await save(admin, { timeZone: 'Asia/Kolkata', dateFormat: 'numeric', iconUploadId: String(icon.upload.id), logoUploadId: String(logo.upload.id) })).toMatchObject({ ok: true });
    expect(await getSiteIdentity()).toEqual({ timeZone: 'Asia/Kolkata', dateFormat: 'numeric', iconUploadId: icon.upload.id, logoUploadId: logo.upload.id });
    expect((await getSiteSettings()).logo).toEqual({ url: logo.upload.url, width: 400, height: 100 });
    expect(await save(admin, {})).toMatchObject({ ok: true }); // removing both
    expect(await getSiteIdentity()).toEqual({ timeZone: 'UTC', dateFormat: 'long', iconUploadId: null, logoUploadId: null });
    expect((await getSiteSettings()).logo).toBeNull();
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['a time zone with something appended', { timeZone: 'Europe/London; DROP TABLE users' }, 'timeZone'],
    ['a date format that does not exist', { dateFormat: 'fancy' as 'long' }, 'dateFormat'],
    ['an icon that was never uploaded', { iconUploadId: '999999' }, 'iconUploadId'],
    ['a logo id that is not a number', { logoUploadId: '../etc/passwd' }, 'logoUploadId'],
  ])('refuses %s with a field error and changes nothing', async (_case, change, field) => {
    const before = [await getSiteIdentity(), await getSiteSettings(), await logLength()];
    const result = await save(await person('admin'), { name: 'Changed', ...change });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.fieldErrors?.[field]).toBeTruthy();
    expect([await getSiteIdentity(), await getSiteSettings(), await logLength()]).toEqual(before);
  });
});

describe('the icons', () => {
  it('are Hearth’s own before an icon is uploaded: a real .ico (16, 32, 48) and PNGs of the asked sizes', async () => {
    const response = await favicon(get('/favicon.ico'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const images = readIco(await bytes(response));
    expect(images.map((i) => i.size)).toEqual([16, 32, 48]);
    for (const image of images) expect(await sharp(image.png).metadata()).toMatchObject({ format: 'png', width: image.size, height: image.size });

    expect(await sharp(await bytes(await appleTouchIcon(get('/apple-touch-icon.png')))).metadata()).toMatchObject({ format: 'png', width: 180, height: 180 });
    for (const size of [32, 192, 512]) {
      const png = await pngIcon(get(`/icons/${size}.png`), { params: Promise.resolve({ file: `${size}.png` }) });
      expect(await sharp(await bytes(png)).metadata()).toMatchObject({ format: 'png', width: size, height: size });
    }
    expect((await pngIcon(get('/icons/64.png'), { params: Promise.resolve({ file: '64.png' }) })).status).toBe(404);
  });

  it('are made from the uploaded icon at once, under a new version; the linked version may be kept a year', async () => {
    const admin = await person('admin');
    const before = await bytes(await favicon(get('/favicon.ico')));
    const oldTag = (await favicon(get('/favicon.ico'))).headers.get('etag');
    const icon = await storeUpload(
      admin,
      await sharp({ create: { width: 900, height: 600, channels: 3, background: '#10c040' } })
        .png()
        .toBuffer(),
    );
    if (!icon.ok) throw new Error('upload refused');
    expect(await save(admin, { iconUploadId: String(icon.upload.id) })).toMatchObject({ ok: true });

    const after = await favicon(get('/favicon.ico'));
    expect(after.headers.get('etag')).toBe(`"u${icon.upload.id}-ico"`);
    expect(after.headers.get('etag')).not.toBe(oldTag);
    const ico = await bytes(after);
    expect(ico.equals(before)).toBe(false);
    const [r, g, b] = await colourOf(readIco(ico)[2].png);
    expect(g).toBeGreaterThan(r + 60);
    expect(g).toBeGreaterThan(b + 60);

    // Not square: fitted whole inside a transparent square, never cropped or stretched.
    const touch = await bytes(await appleTouchIcon(get(`/apple-touch-icon.png?v=u${icon.upload.id}`)));
    expect(await sharp(touch).metadata()).toMatchObject({ width: 180, height: 180, hasAlpha: true });
    const corner = await sharp(touch).extract({ left: 0, top: 0, width: 4, height: 4 }).raw().toBuffer();
    expect(corner[3]).toBe(0);

    const linked = await appleTouchIcon(get(`/apple-touch-icon.png?v=u${icon.upload.id}`));
    expect(linked.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const stale = await appleTouchIcon(get('/apple-touch-icon.png?v=hearth-1'));
    expect(stale.headers.get('cache-control')).toBe('public, max-age=300');
    const revalidated = await favicon(new Request('http://localhost/favicon.ico', { headers: { 'If-None-Match': `"u${icon.upload.id}-ico"` } }));
    expect(revalidated.status).toBe(304);
  });
});
