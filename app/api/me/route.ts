// Who is signed in, for the header's small client component: reader pages stay one cached HTML for everyone.
import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/session';

export async function GET() {
  const user = await getCurrentUser();
  return NextResponse.json({ user: user ? { name: user.name, role: user.role } : null }, { headers: { 'Cache-Control': 'private, no-store' } });
}
