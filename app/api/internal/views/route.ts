// Called every couple of seconds by the production server's view counter (server/view-counter.js) with the
// views it counted; nobody else holds its key. Each path is checked here before anything is stored.
import crypto from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { readJsonBody } from '@/lib/http/json-body';
import { env } from '@/lib/env';
import { countViews } from '@/lib/stats/count-view';

const bodySchema = z.object({
  views: z.array(z.object({ path: z.string().max(300), referrer: z.string().max(260), n: z.number().int().positive().max(1_000_000) })).max(10_000),
});

function isViewsKey(header: string | null): boolean {
  const key = env.HEARTH_VIEWS_KEY;
  const sent = header?.replace(/^Bearer /, '') ?? '';
  return Boolean(key) && sent.length === key!.length && crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(key!));
}

export async function POST(request: NextRequest) {
  if (!isViewsKey(request.headers.get('authorization'))) return NextResponse.json({ error: 'Not allowed.' }, { status: 401 });
  const body = await readJsonBody(request, 4 * 1024 * 1024);
  if (!body.ok) return NextResponse.json({ error: body.message }, { status: body.status });
  const parsed = bodySchema.safeParse(body.value);
  if (!parsed.success) return NextResponse.json({ error: 'Expected {"views": [{ path, referrer, n }]}' }, { status: 400 });
  countViews(parsed.data.views);
  return new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
