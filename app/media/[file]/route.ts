// Uploaded images. A stored name never changes content (a new upload gets a new random name), so
// browsers and proxies may keep each file for a year without asking again.
import { readStoredUpload } from '@/lib/uploads';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const upload = await readStoredUpload((await params).file);
  if (!upload) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  return new Response(upload.data, {
    headers: {
      'Content-Type': upload.mimeType,
      'Content-Length': String(upload.data.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
