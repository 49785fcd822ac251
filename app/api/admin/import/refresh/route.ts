// Called by an admin import's process when it has written (lib/wordpress/reader-refresh.ts); nobody else holds a
// valid token. An import can change any reader page, so every cached page and tagged read is dropped.
import { revalidatePath, revalidateTag } from 'next/cache';
import { NextResponse, type NextRequest } from 'next/server';
import { TAGS } from '@/lib/cache';
import { isValidPageRefreshToken } from '@/lib/page-refresh';

const NOW = { expire: 0 };

export async function POST(request: NextRequest) {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  if (!isValidPageRefreshToken(token)) return NextResponse.json({ error: 'Not allowed.' }, { status: 401 });
  for (const tag of [TAGS.posts, TAGS.comments, TAGS.site]) revalidateTag(tag, NOW);
  revalidatePath('/', 'layout');
  return new NextResponse(null, { status: 204 });
}
