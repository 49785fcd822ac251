// Called by the mail worker after it published scheduled posts (see lib/page-refresh.ts); nobody else holds a valid token.
import { revalidateTag } from 'next/cache';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { TAGS } from '@/lib/cache';
import { isValidPageRefreshToken } from '@/lib/page-refresh';

const bodySchema = z.object({ slugs: z.array(z.string().min(1).max(200)).max(500) });
const NOW = { expire: 0 };

export async function POST(request: NextRequest) {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  if (!isValidPageRefreshToken(token)) return NextResponse.json({ error: 'Not allowed.' }, { status: 401 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: 'Expected {"slugs": [...]}' }, { status: 400 });
  revalidateTag(TAGS.posts, NOW);
  for (const slug of parsed.data.slugs) revalidateTag(TAGS.post(slug), NOW);
  return new NextResponse(null, { status: 204 });
}
