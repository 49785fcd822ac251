/**
 * The admin import's requests from the browser: each file as its own raw PUT body (XMLHttpRequest, the one
 * API that reports upload progress), then the start. Answers that are not the route's JSON (a proxy's own
 * 413 page) become a message for the person.
 */
export type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

const UNREACHABLE = 'The upload did not reach the server. Check your connection and try again.';
const failure = (status: number) =>
  status === 413 ? 'The file is larger than this server accepts. Ask whoever runs it to allow larger imports (see the nginx configuration).' : `The upload failed (error ${status}). Please try again.`;

export function sendImportFile(part: 'export' | 'uploads', file: File, uploadId: string | null, onProgress: (fraction: number) => void): Promise<Answer<string>> {
  const query = new URLSearchParams({ part, ...(uploadId ? { upload: uploadId } : {}) });
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `/api/admin/import?${query}`);
    request.responseType = 'json';
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => resolve({ ok: false, message: UNREACHABLE });
    request.onload = () => {
      const answer = request.response as { upload?: string; error?: string } | null;
      if (request.status === 201 && answer?.upload) resolve({ ok: true, value: answer.upload });
      else resolve({ ok: false, message: answer?.error ?? failure(request.status) });
    };
    request.send(file);
  });
}

/** POSTs JSON to an import route and answers the job id it started. */
export async function postForJob(url: string, body?: object): Promise<Answer<number>> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
    const answer = (await response.json().catch(() => null)) as { job?: number; error?: string } | null;
    if (response.ok && answer?.job) return { ok: true, value: answer.job };
    return { ok: false, message: answer?.error ?? `The server answered with error ${response.status}. Please try again.` };
  } catch {
    return { ok: false, message: 'The server could not be reached. Check your connection and try again.' };
  }
}
