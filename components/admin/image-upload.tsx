'use client';
/** Uploads an image as soon as it is chosen. The server checks everything; its answer is announced. */
import { useId, useState, type ChangeEvent } from 'react';
import { UNREACHABLE, uploadFailureMessage } from './upload-request';
import './media.css';

export type UploadedImage = { id: number; url: string; width: number; height: number };

type Props = { label: string; onUploaded: (image: UploadedImage) => void };

type Status = { kind: 'idle' } | { kind: 'uploading' } | { kind: 'failed'; message: string } | { kind: 'done'; image: UploadedImage };

async function postImage(file: File): Promise<Status> {
  const body = new FormData();
  body.append('file', file);
  let response: Response;
  try {
    response = await fetch('/api/admin/uploads', { method: 'POST', body });
  } catch {
    return { kind: 'failed', message: UNREACHABLE };
  }
  const answer = await response.json().catch(() => null);
  if (response.ok && answer) return { kind: 'done', image: answer as UploadedImage };
  return { kind: 'failed', message: answer?.error ?? uploadFailureMessage(response.status) };
}

export function ImageUpload({ label, onUploaded }: Props) {
  const inputId = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setStatus({ kind: 'uploading' });
    const result = await postImage(file);
    setStatus(result);
    if (result.kind === 'done') onUploaded(result.image);
  }

  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} type="file" accept="image/jpeg,image/png,image/webp,image/gif" onChange={upload} />
      <p aria-live="polite" role="status" className={status.kind === 'failed' ? 'form-status form-status--error' : 'form-status'}>
        {status.kind === 'uploading' && 'Uploading…'}
        {status.kind === 'failed' && status.message}
        {status.kind === 'done' && `Uploaded (${status.image.width} × ${status.image.height} pixels).`}
      </p>
      {status.kind === 'done' && (
        // Decorative: the status line above describes it. The file is already sized, so no next/image optimizer.
        // eslint-disable-next-line @next/next/no-img-element -- uploads are stored as already-sized WebP copies with their width and height; Next's image optimizer is not used
        <img src={status.image.url} width={status.image.width} height={status.image.height} alt="" style={{ maxWidth: '16rem', height: 'auto' }} />
      )}
    </div>
  );
}
