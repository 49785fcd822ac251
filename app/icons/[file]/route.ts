// The site's icon as PNG at /icons/32.png, /icons/192.png and /icons/512.png (linked in every page's <head>).
import { iconResponse } from '@/lib/site-identity/icon-response';
import { PNG_ICON_SIZES } from '@/lib/site-identity/icons';

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const size = PNG_ICON_SIZES.find((s) => file === `${s}.png`);
  if (!size) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  return iconResponse(request, size);
}
