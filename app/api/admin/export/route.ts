// "Export to WordPress (WXR)" on /admin/import: the whole site as a download, streamed as it is written
// (lib/wordpress/wxr-writer.ts). Admins only, checked here: the file holds authors' email addresses, and
// commenters' ones when the admin ticked the box (?emails=1).
import { env } from '@/lib/env';
import { refusal } from '@/lib/http/refusal';
import { requireRole } from '@/lib/session';
import { exportFileName, writeWxr } from '@/lib/wordpress/wxr-writer';

export async function GET(request: Request) {
  const { refused } = await requireRole('admin');
  if (refused) return refusal(refused, { 401: 'Sign in as an admin to export the site.', 403: 'Only admins can export the site.' });
  const includeCommenterEmails = new URL(request.url).searchParams.get('emails') === '1';
  const pieces = writeWxr({ siteUrl: env.siteUrl, includeCommenterEmails });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName()}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
