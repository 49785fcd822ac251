/**
 * A route handler's JSON answer to someone requireUser()/requireRole() (lib/session.ts) refused: 401 when
 * nobody is signed in, 403 for a role that may not, each in the route's own words, never cached.
 */
import { NextResponse } from 'next/server';

export const refusal = (status: 401 | 403, words: Record<401 | 403, string>) => NextResponse.json({ error: words[status] }, { status, headers: { 'Cache-Control': 'private, no-store' } });
