// CSV of every subscriber, for admins only (addresses are private). Cells that look like spreadsheet formulas are neutralised.
import { stringify } from 'csv-stringify/sync';
import { NextResponse } from 'next/server';
import { listAllSubscribers } from '@/db/queries/subscriber-admin';
import { refusal } from '@/lib/http/refusal';
import { requireRole } from '@/lib/session';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

export async function GET() {
  const { refused } = await requireRole('admin');
  if (refused) return refusal(refused, { 401: 'Sign in as an admin to download subscribers.', 403: 'Only admins can download subscribers.' });
  const rows = (await listAllSubscribers()).map((s) => [s.email, s.status, s.frequency, s.topics, s.createdAt.toISOString(), s.confirmedAt?.toISOString() ?? '']);
  const csv = stringify([['email', 'status', 'frequency', 'topics', 'subscribed_at', 'confirmed_at'], ...rows], { escape_formulas: true });
  return new NextResponse(csv, {
    headers: { ...NO_STORE, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="subscribers-${new Date().toISOString().slice(0, 10)}.csv"` },
  });
}
