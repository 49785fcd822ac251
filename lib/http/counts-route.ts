/**
 * The internal routes that take counts from the production server (views, redirect hits): only requests
 * carrying its per-process key (HEARTH_COUNTS_KEY, set by server/index.js and sent nowhere else) are read,
 * their body is checked against `schema`, and `store` keeps what they counted. A store that fails answers
 * 500, and the server keeps the batch for its next try.
 */
import crypto from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { env } from '@/lib/env';
import { readJsonBody } from './json-body';

function hasCountsKey(request: Request): boolean {
  const key = env.HEARTH_COUNTS_KEY;
  const sent = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
  return Boolean(key) && sent.length === key!.length && crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(key!));
}

type Options<T> = { schema: z.ZodType<T>; expected: string; maxBytes: number; store: (counts: T) => unknown };

export function countsRoute<T>({ schema, expected, maxBytes, store }: Options<T>) {
  return async function POST(request: NextRequest) {
    if (!hasCountsKey(request)) return NextResponse.json({ error: 'Not allowed.' }, { status: 401 });
    const body = await readJsonBody(request, maxBytes);
    if (!body.ok) return NextResponse.json({ error: body.message }, { status: body.status });
    const parsed = schema.safeParse(body.value);
    if (!parsed.success) return NextResponse.json({ error: `Expected ${expected}` }, { status: 400 });
    await store(parsed.data);
    return new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  };
}
