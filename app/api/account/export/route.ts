// "Download my data": everything Hearth stores about the signed-in member, as a JSON file.
import { NextResponse } from 'next/server';
import { exportUserData } from '@/db/queries/member-export';
import { requireUser } from '@/lib/session';

export async function GET() {
  const { user } = await requireUser();
  const data = user && (await exportUserData(user.id));
  if (!data) {
    return NextResponse.json({ error: 'Sign in to download your data.' }, { status: 401, headers: { 'Cache-Control': 'private, no-store' } });
  }
  const body = { exportedAt: new Date().toISOString(), ...data };
  return new NextResponse(JSON.stringify(body, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="hearth-my-data.json"',
      'Cache-Control': 'private, no-store',
    },
  });
}
