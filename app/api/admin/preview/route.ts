// The editor's live preview: the body rendered by the same renderer readers see. Writers only.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { renderMarkdown } from '@/lib/markdown';
import { canWritePosts } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';
import { BODY_MAX_BYTES } from '@/lib/validations/post-editor';

const NO_STORE = { 'Cache-Control': 'private, no-store' };
const bodySchema = z.object({ body: z.string().max(BODY_MAX_BYTES) });

export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to preview.' }, { status: 401, headers: NO_STORE });
  if (!canWritePosts(user.role)) return NextResponse.json({ error: 'Only authors and admins can preview posts.' }, { status: 403, headers: NO_STORE });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: 'Send {"body": "…"} of at most 200 KB.' }, { status: 400, headers: NO_STORE });
  return NextResponse.json({ html: renderMarkdown(parsed.data.body).html }, { headers: NO_STORE });
}
