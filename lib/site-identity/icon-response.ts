/**
 * How icons are answered over HTTP. The URL pages link carries ?v=<version>: asked for the current version,
 * the answer may be kept a year; the bare /favicon.ico browsers ask for on their own is kept five minutes and
 * revalidated by ETag, so a new icon reaches them soon without costing a download each time.
 */
import 'server-only';
import { connection } from 'next/server';
import { siteIcon, type IconKind } from './icons';

const YEAR = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300';

export async function iconResponse(request: Request, kind: IconKind): Promise<Response> {
  await connection(); // the icon is the site's current one, never the one at build time
  const icon = await siteIcon(kind);
  const etag = `"${icon.version}-${kind}"`;
  const headers: Record<string, string> = {
    'Content-Type': icon.contentType,
    'Cache-Control': new URL(request.url).searchParams.get('v') === icon.version ? YEAR : SHORT,
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(icon.body), { headers: { ...headers, 'Content-Length': String(icon.body.length) } });
}
