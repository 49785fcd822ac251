import { feedResponse } from '@/lib/feed-response';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return feedResponse('rss', (await params).slug);
}
