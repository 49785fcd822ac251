import { feedResponse } from '@/lib/feed-response';
import { readRenamedCategory } from '@/lib/reader-data';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const response = await feedResponse(request, 'rss', { kind: 'category', slug });
  if (response.status !== 404) return response;
  // Feed readers follow a permanent redirect and update the subscription: a renamed category keeps its readers.
  const moved = await readRenamedCategory(slug);
  return moved ? new Response(null, { status: 308, headers: { Location: `/category/${moved}/feed.xml` } }) : response;
}
