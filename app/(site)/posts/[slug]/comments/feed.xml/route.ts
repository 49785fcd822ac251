import { feedResponse } from '@/lib/feed-response';

// A post's newest approved comments; 404 when the post is not public or comments are for members only.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return feedResponse(request, 'rss', { kind: 'comments', slug: (await params).slug });
}
