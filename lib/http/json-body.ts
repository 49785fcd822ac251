/** Reads a JSON request body within a size limit; anything else is a clear 4xx, never a 500. */
const DEFAULT_LIMIT_BYTES = 64 * 1024;

export type JsonBody = { ok: true; value: Record<string, unknown> } | { ok: false; status: 400 | 413 | 415; message: string };

export async function readJsonBody(request: Request, limitBytes = DEFAULT_LIMIT_BYTES): Promise<JsonBody> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    return { ok: false, status: 415, message: 'Send the form as JSON.' };
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limitBytes) return { ok: false, status: 413, message: 'That is too long to send.' };
  const bytes = await readUpTo(request, limitBytes);
  if (!bytes) return { ok: false, status: 413, message: 'That is too long to send.' };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, status: 400, message: 'The form could not be read. Please reload the page and try again.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, status: 400, message: 'The form could not be read. Please reload the page and try again.' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** The body's bytes, or null as soon as it grows past the limit (a body without a length is not read whole first). */
async function readUpTo(request: Request, limitBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > limitBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
