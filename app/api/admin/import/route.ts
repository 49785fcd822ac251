// The admin import's two steps (app/admin/import): PUT sends one file as the raw request body
// (`?part=export`, then `?part=uploads&upload=<id>`), streamed to disk by lib/wordpress/import-upload.ts, since
// Next's formData() would hold a 2 GB export in memory; POST starts the job for an upload and answers its id.
// A new export first clears uploads abandoned over a day ago.
import { NextResponse } from 'next/server';
import { importJobFolders } from '@/db/queries/import-jobs';
import { refusal } from '@/lib/http/refusal';
import { requireRole } from '@/lib/session';
import { importStartSchema } from '@/lib/validations/import';
import { startImport } from '@/lib/wordpress/import-jobs';
import { IMPORT_PART_LIMITS, IMPORT_REFUSALS, receiveImportPart, removeAbandonedUploads, type ImportPart, type ImportRefusal } from '@/lib/wordpress/import-upload';

const NO_STORE = { 'Cache-Control': 'private, no-store' };
const answer = (body: object, status: number) => NextResponse.json(body, { status, headers: NO_STORE });
const STATUS: Record<ImportRefusal, number> = { 'too-large-export': 413, 'too-large-uploads': 413, 'not-xml': 415, 'not-zip': 415, empty: 400, 'unknown-upload': 404 };
const refuse = (reason: ImportRefusal) => answer({ error: IMPORT_REFUSALS[reason] }, STATUS[reason]);

const REFUSALS = { 401: 'Sign in as an admin to import a site.', 403: 'Only admins can import a site.' };

export async function PUT(request: Request) {
  const { refused } = await requireRole('admin');
  if (refused) return refusal(refused, REFUSALS);
  const params = new URL(request.url).searchParams;
  const part = params.get('part');
  if (part !== 'export' && part !== 'uploads') return answer({ error: 'Say which file this is: ?part=export or ?part=uploads.' }, 400);
  if (Number(request.headers.get('content-length')) > IMPORT_PART_LIMITS[part as ImportPart]) return refuse(part === 'export' ? 'too-large-export' : 'too-large-uploads');
  if (part === 'export') await removeAbandonedUploads(await importJobFolders());
  const uploadId = part === 'uploads' ? (params.get('upload') ?? '') : undefined;
  const result = await receiveImportPart(part, request.body, uploadId);
  return result.ok ? answer({ upload: result.uploadId, bytes: result.bytes }, 201) : refuse(result.reason);
}

export async function POST(request: Request) {
  const { user, refused } = await requireRole('admin');
  if (refused) return refusal(refused, REFUSALS);
  const parsed = importStartSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return answer({ error: 'Choose the export file, then press Start.' }, 400);
  const started = await startImport(parsed.data, user);
  return started.ok ? answer({ job: started.jobId }, 201) : answer({ error: started.message }, 409);
}
