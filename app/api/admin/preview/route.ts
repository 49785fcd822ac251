// The editor's live preview: the body rendered by the same renderer readers see. Writers only.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { renderMarkdown } from '@/lib/markdown';
import { refusal } from '@/lib/http/refusal';
import { WRITERS } from '@/lib/roles';
import { requireRole } from '@/lib/session';
import { BODY_MAX_BYTES } from '@/lib/validations/post-editor';

const NO_STORE = { 'Cache-Control': 'private, no-store' };
const bodySchema = z.object({ body: z.string().max(BODY_MAX_BYTES) });

export async function POST(request: NextRequest) {
  const { refused } = await requireRole(WRITERS);
  if (refused) return refusal(refused, { 401: 'Sign in to preview.', 403: 'Only authors and admins can preview posts.' });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: 'Send {"body": "…"} of at most 200 KB.' }, { status: 400, headers: NO_STORE });
  return NextResponse.json({ html: (await renderMarkdown(parsed.data.body)).html }, { headers: NO_STORE });
}
