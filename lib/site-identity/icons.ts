/**
 * The site's icons, made from the uploaded site icon (or Hearth's own): /favicon.ico (16, 32, 48 px), PNGs at
 * 32, 192 and 512 px and the 180 px Apple touch icon. Made on first request with sharp and kept in memory for
 * the current icon only. Their addresses carry the icon's version (?v=…), so a new upload changes every URL
 * in <head> and browsers fetch it at once; a request for the current version may be cached for a year.
 */
import 'server-only';
import sharp from 'sharp';
import { getSiteIdentity } from '@/db/queries/settings';
import { getUpload } from '@/db/queries/uploads';
import { readStoredUpload } from '@/lib/uploads';
import { DEFAULT_ICON_SVG, DEFAULT_ICON_VERSION } from './default-icon';
import { encodeIco } from './ico';

export const PNG_ICON_SIZES = [32, 192, 512] as const;
export const TOUCH_ICON_SIZE = 180;
const FAVICON_SIZES = [16, 32, 48];

export type IconKind = 'ico' | number;
export type Icon = { body: Buffer; contentType: string; version: string };

/** "u<upload id>" for an uploaded icon (ids are never reused), Hearth's own version otherwise. */
export const iconVersion = (iconUploadId: number | null) => (iconUploadId === null ? DEFAULT_ICON_VERSION : `u${iconUploadId}`);

/** The addresses pages link in <head>, each carrying the version. */
export function iconLinks(iconUploadId: number | null) {
  const v = iconVersion(iconUploadId);
  return {
    icon: [{ url: `/favicon.ico?v=${v}`, sizes: '48x48' }, ...PNG_ICON_SIZES.map((size) => ({ url: `/icons/${size}.png?v=${v}`, sizes: `${size}x${size}`, type: 'image/png' }))],
    apple: [{ url: `/apple-touch-icon.png?v=${v}`, sizes: `${TOUCH_ICON_SIZE}x${TOUCH_ICON_SIZE}`, type: 'image/png' }],
  };
}

/** The source picture: the uploaded icon's stored file, or Hearth's SVG when none is set (or its file is gone). */
async function source(iconUploadId: number | null): Promise<Buffer> {
  const upload = iconUploadId === null ? null : await getUpload(iconUploadId);
  const stored = upload ? await readStoredUpload(upload.file) : null;
  return stored ? stored.data : Buffer.from(DEFAULT_ICON_SVG);
}

/** A square PNG; a picture that is not square is fitted inside on a transparent background, never cropped. */
const squarePng = (picture: Buffer, size: number) =>
  sharp(picture)
    .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();

let made: { version: string; icons: Map<IconKind, Promise<Buffer>> } = { version: '', icons: new Map() };

async function make(iconUploadId: number | null, kind: IconKind): Promise<Buffer> {
  const picture = await source(iconUploadId);
  if (kind !== 'ico') return squarePng(picture, kind);
  return encodeIco(await Promise.all(FAVICON_SIZES.map(async (size) => ({ size, png: await squarePng(picture, size) }))));
}

/** The current icon in the asked form (ico, or a PNG of one of the sizes above). */
export async function siteIcon(kind: IconKind): Promise<Icon> {
  const { iconUploadId } = await getSiteIdentity();
  const version = iconVersion(iconUploadId);
  if (made.version !== version) made = { version, icons: new Map() };
  let body = made.icons.get(kind);
  if (!body) {
    body = make(iconUploadId, kind);
    made.icons.set(kind, body);
    body.catch(() => made.icons.delete(kind)); // a failure is answered (and logged) by the route; the next request tries again
  }
  return { body: await body, contentType: kind === 'ico' ? 'image/x-icon' : 'image/png', version };
}
