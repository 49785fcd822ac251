// One admin import, for its progress page (app/admin/import/[id]): GET answers its progress or report, polled
// every second; POST runs an interrupted or failed import again. Admins only, checked here.
import { NextResponse } from 'next/server';
import { getImportJobView } from '@/db/queries/import-jobs';
import { refusal } from '@/lib/http/refusal';
import { requireRole } from '@/lib/session';
import { runImportAgain } from '@/lib/wordpress/import-jobs';

const NO_STORE = { 'Cache-Control': 'private, no-store' };
const answer = (body: object, status: number) => NextResponse.json(body, { status, headers: NO_STORE });
type Context = { params: Promise<{ id: string }> };

/** The job id and the admin asking, or the answer for everyone else. */
async function checked(context: Context) {
  const { refused } = await requireRole('admin');
  if (refused) return { answered: refusal(refused, { 401: 'Sign in as an admin to see imports.', 403: 'Only admins can see imports.' }) };
  const id = Number((await context.params).id);
  if (!Number.isSafeInteger(id) || id < 1) return { answered: answer({ error: 'No such import.' }, 404) };
  return { id };
}

export async function GET(_request: Request, context: Context) {
  const { id, answered } = await checked(context);
  if (answered) return answered;
  const job = await getImportJobView(id);
  return job ? answer(job, 200) : answer({ error: 'No such import.' }, 404);
}

export async function POST(_request: Request, context: Context) {
  const { id, answered } = await checked(context);
  if (answered) return answered;
  const again = await runImportAgain(id);
  return again.ok ? answer({ job: again.jobId }, 202) : answer({ error: again.message }, 409);
}
