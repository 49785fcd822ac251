// The reader pages' view beacon (components/layout/view-beacon.tsx). Public and anonymous: it reads no
// cookie and sets none, and its answer is the same empty 204 whether the view was counted or not.
import { NextResponse, type NextRequest } from 'next/server';
import { readJsonBody } from '@/lib/http/json-body';
import { countBeacon } from '@/lib/stats/count-view';

const NOT_STORED = { 'Cache-Control': 'no-store' };

export async function POST(request: NextRequest) {
  const body = await readJsonBody(request, 1024);
  if (!body.ok) return NextResponse.json({ error: body.message }, { status: body.status, headers: NOT_STORED });
  countBeacon({ headers: request.headers, body: body.value });
  return new NextResponse(null, { status: 204, headers: NOT_STORED });
}
