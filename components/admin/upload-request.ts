/**
 * One image to /api/admin/uploads from the browser. XMLHttpRequest rather than fetch because only it
 * reports upload progress; the server's answer (or a proxy's bare status) becomes a message for the person.
 */
import type { UploadedImage } from './image-upload';

export type UploadAnswer = { ok: true; image: UploadedImage } | { ok: false; message: string };

/** For answers that are not the route's JSON, such as a proxy's own "413 Request Entity Too Large" page. */
export function uploadFailureMessage(status: number): string {
  return status === 413 ? 'That image is larger than 8 MB. Please choose a smaller one.' : `The upload failed (error ${status}). Please try again.`;
}

export const UNREACHABLE = 'The upload did not reach the server. Check your connection and try again.';

export function sendImage(file: File, onProgress: (fraction: number) => void): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/admin/uploads');
    request.responseType = 'json';
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => resolve({ ok: false, message: UNREACHABLE });
    request.onload = () => {
      const answer = request.response as (UploadedImage & { error?: string }) | null;
      if (request.status >= 200 && request.status < 300 && answer) resolve({ ok: true, image: answer });
      else resolve({ ok: false, message: answer?.error ?? uploadFailureMessage(request.status) });
    };
    const body = new FormData();
    body.append('file', file);
    request.send(body);
  });
}
