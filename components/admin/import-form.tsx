'use client';
/**
 * /admin/import's form: the export (and, if chosen, the uploads archive) sent one after the other with
 * their progress, then the job started and its progress page opened. Checked first with the form's schema;
 * the server checks again and its answer wins.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { importFormSchema, type ImportFormInput } from '@/lib/validations/import';
import { postForJob, sendImportFile } from './import-request';

type Sending = { label: string; fraction: number } | null;

export function ImportForm() {
  const router = useRouter();
  const id = useId();
  const form = useForm<ImportFormInput>({ resolver: zodResolver(importFormSchema), defaultValues: { dryRun: false } });
  const { errors, isSubmitting } = form.formState;
  const [sending, setSending] = useState<Sending>(null);
  const [message, setMessage] = useState({ ok: true, text: '' });

  const submit = form.handleSubmit(async ({ exportFile, uploadsFile, dryRun }) => {
    setMessage({ ok: true, text: '' });
    const exported = exportFile[0] as File;
    const archive = uploadsFile?.[0] as File | undefined;
    setSending({ label: `Sending ${exported.name}`, fraction: 0 });
    const upload = await sendImportFile('export', exported, null, (fraction) => setSending({ label: `Sending ${exported.name}`, fraction }));
    if (!upload.ok) return fail(upload.message);
    if (archive) {
      const sent = await sendImportFile('uploads', archive, upload.value, (fraction) => setSending({ label: `Sending ${archive.name}`, fraction }));
      if (!sent.ok) return fail(sent.message);
    }
    const started = await postForJob('/api/admin/import', { uploadId: upload.value, fileName: exported.name, dryRun });
    if (!started.ok) return fail(started.message);
    setMessage({ ok: true, text: 'Sent. Opening the import’s progress…' });
    router.push(`/admin/import/${started.value}`);
  });

  function fail(text: string) {
    setSending(null);
    setMessage({ ok: false, text });
  }

  const described = (name: 'exportFile' | 'uploadsFile', hint: string) => [hint, errors[name] ? `${id}-${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <form onSubmit={submit} noValidate className="import-form">
      <div className="field">
        <label htmlFor={`${id}-export`}>WordPress export (.xml)</label>
        <p id={`${id}-export-hint`} className="field__hint">
          In WordPress: Tools → Export → All content → Download Export File.
        </p>
        <input
          id={`${id}-export`}
          type="file"
          accept=".xml,text/xml,application/xml"
          aria-invalid={errors.exportFile ? true : undefined}
          aria-describedby={described('exportFile', `${id}-export-hint`)}
          {...form.register('exportFile')}
        />
        {errors.exportFile && (
          <p id={`${id}-exportFile-error`} className="field__error">
            {errors.exportFile.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-uploads`}>Images: the uploads folder as a .zip (optional)</label>
        <p id={`${id}-uploads-hint`} className="field__hint">
          A .zip of wp-content/uploads from your WordPress server. Without it, posts keep their images’ descriptions and the report lists the missing images.
        </p>
        <input
          id={`${id}-uploads`}
          type="file"
          accept=".zip,application/zip"
          aria-invalid={errors.uploadsFile ? true : undefined}
          aria-describedby={described('uploadsFile', `${id}-uploads-hint`)}
          {...form.register('uploadsFile')}
        />
        {errors.uploadsFile && (
          <p id={`${id}-uploadsFile-error`} className="field__error">
            {errors.uploadsFile.message}
          </p>
        )}
      </div>
      <label className="choice">
        <input type="checkbox" {...form.register('dryRun')} /> Try it first (dry run): read everything and show the report, without changing the site
      </label>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Sending…' : 'Start the import'}
      </button>
      {sending && (
        <div className="import-sending">
          <progress id={`${id}-sending`} max={1} value={sending.fraction} aria-label={sending.label} />
          <span>
            {sending.label}: {Math.round(sending.fraction * 100)}%
          </span>
        </div>
      )}
      <p role="status" aria-live="polite" className={message.ok ? 'form-status' : 'form-status form-status--error'}>
        {message.text}
      </p>
    </form>
  );
}
