// /comments/<id>: sends the reader to the page that shows this comment (the post page, or an
// earlier-comments page of a long thread), so permalinks keep working as threads grow.
import { commentPagePath } from '@/lib/comments/permalink';

// The page a comment is on changes as conversations arrive: never cache the answer.
const headers = { 'Cache-Control': 'no-store' };

export async function GET(_request: Request, { params }: { params: Promise<{ commentId: string }> }) {
  const raw = (await params).commentId;
  const path = /^[1-9]\d{0,11}$/.test(raw) ? await commentPagePath(Number(raw)) : null;
  if (!path) return new Response('That comment is not shown on this site (it may have been removed).', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(null, { status: 302, headers: { ...headers, Location: path } });
}
