// Image uploads from the post editor and the media library: multipart/form-data with one field, "file" (one
// image per request, so each file gets its own progress and answer). The body is read with a hard cap, so a
// huge request (or one whose Content-Length lies) cannot fill memory; lib/uploads decides the rest.
// GET lists the library for the editor's "Insert image" dialog.
import { NextResponse } from 'next/server';
import { listUploads, UPLOADS_PER_PAGE } from '@/db/queries/uploads';
import { refusal } from '@/lib/http/refusal';
import { WRITERS } from '@/lib/roles';
import { requireRole } from '@/lib/session';
import { MAX_UPLOAD_BYTES, storeUpload, UPLOAD_REFUSALS, type UploadRefusal } from '@/lib/uploads';

const NO_STORE = { 'Cache-Control': 'private, no-store' };
/** Room for the multipart boundary and part headers around the image itself. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
const NOT_A_FORM = 'Send the image as multipart/form-data in a field named “file”.';

const STATUS: Record<UploadRefusal, number> = { forbidden: 403, empty: 400, 'too-large': 413, 'not-an-image': 415, 'too-many-pixels': 400, unreadable: 400 };

const answer = (body: object, status: number) => NextResponse.json(body, { status, headers: NO_STORE });
const refuse = (reason: UploadRefusal) => answer({ error: UPLOAD_REFUSALS[reason] }, STATUS[reason]);

/** The whole body, or null as soon as it grows past `limit`. */
async function readBody(request: Request, limit: number): Promise<Buffer<ArrayBuffer> | null> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > limit) return null; // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function fileField(body: Buffer<ArrayBuffer>, contentType: string): Promise<File | null> {
  try {
    const field = (await new Response(body, { headers: { 'Content-Type': contentType } }).formData()).get('file');
    return typeof field === 'string' ? null : field;
  } catch {
    return null; // a malformed multipart body: the sender's mistake, answered with NOT_A_FORM
  }
}

export async function POST(request: Request) {
  const { user, refused } = await requireRole(WRITERS);
  if (refused) return refusal(refused, { 401: 'Sign in as an author to upload images.', 403: UPLOAD_REFUSALS.forbidden });
  if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) return refuse('too-large');
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(contentType)) return answer({ error: NOT_A_FORM }, 400);

  const body = await readBody(request, MAX_BODY_BYTES);
  if (!body) return refuse('too-large');
  const file = await fileField(body, contentType);
  if (!file) return answer({ error: NOT_A_FORM }, 400);

  const result = await storeUpload(user, Buffer.from(await file.arrayBuffer()), file.name);
  return result.ok ? answer(result.upload, 201) : refuse(result.reason);
}

export async function GET(request: Request) {
  const { refused } = await requireRole(WRITERS);
  if (refused) return refusal(refused, { 401: 'Sign in as an author to see the media library.', 403: UPLOAD_REFUSALS.forbidden });
  const params = new URL(request.url).searchParams;
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(params.get('page')) || 1)));
  const found = await listUploads((params.get('q') ?? '').trim().slice(0, 200), page);
  const images = found.uploads.map(({ id, url, width, height, originalName, alt, caption }) => ({ id, url, width, height, originalName, alt, caption }));
  return answer({ images, page, totalPages: Math.max(1, Math.ceil(found.total / UPLOADS_PER_PAGE)) }, 200);
}
