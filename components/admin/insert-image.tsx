'use client';
/**
 * "Insert image" beside a Markdown text: a dialog to upload an image or pick one from the media library,
 * describe it (alt text required, prefilled from the library, unless marked as decoration) and caption it,
 * then insert it at the cursor. The dialog lives outside the editor's form (a portal), so its own forms are valid HTML;
 * React still bubbles their submit events to the editor's form, so each form stops its own.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useForm } from 'react-hook-form';
import { TextField } from '@/components/ui/text-field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { imageMarkdown, insertBlock } from '@/lib/image-markdown';
import { insertImageSchema, type InsertImageInput } from '@/lib/validations/media';
import { InsertImageLibrary, type LibraryImage } from './insert-image-library';
import { sendImage } from './upload-request';
import './media.css';

type Props = { textareaId: string; onInsert: (text: string) => void };

const EMPTY: InsertImageInput = { alt: '', caption: '', decorative: false };

export function InsertImage({ textareaId, onInsert }: Props) {
  const hydrated = useHydrated();
  const headingId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<LibraryImage | null>(null);
  const [upload, setUpload] = useState<{ progress: number; message: string } | null>(null);
  const form = useForm<InsertImageInput>({ resolver: zodResolver(insertImageSchema), defaultValues: EMPTY });
  const errors = form.formState.errors;

  const choose = (image: LibraryImage) => {
    setChosen(image);
    form.reset({ alt: image.alt, caption: image.caption, decorative: false });
  };

  const show = () => {
    setOpen(true);
    setChosen(null);
    setUpload(null);
    form.reset(EMPTY);
    dialog.current?.showModal();
  };

  async function uploadChosenFile(file: File | undefined) {
    if (!file) return;
    setUpload({ progress: 0, message: `Uploading ${file.name}…` });
    const answer = await sendImage(file, (progress) => setUpload({ progress, message: `Uploading ${file.name}…` }));
    if (!answer.ok) return setUpload({ progress: 0, message: answer.message });
    setUpload({ progress: 1, message: `Uploaded ${file.name}.` });
    choose({ ...answer.image, originalName: file.name, alt: '', caption: '' });
  }

  const insert = form.handleSubmit(({ alt, caption, decorative }) => {
    if (!chosen) return;
    const textarea = document.getElementById(textareaId) as HTMLTextAreaElement | null;
    const { text, cursor } = insertBlock(textarea?.value ?? '', imageMarkdown(chosen.url, decorative ? '' : alt, caption), textarea?.selectionStart ?? 0, textarea?.selectionEnd ?? 0);
    onInsert(text);
    dialog.current?.close();
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(cursor, cursor);
    });
  });

  return (
    <>
      <button type="button" className="button--secondary" onClick={show} disabled={!hydrated}>
        Insert image
      </button>
      {hydrated &&
        createPortal(
          <dialog ref={dialog} aria-labelledby={headingId} className="insert-image" onClose={() => setOpen(false)}>
            <h2 id={headingId}>Insert an image</h2>
            <div className="field">
              <label htmlFor={`${headingId}-file`}>Upload a new image</label>
              <input id={`${headingId}-file`} type="file" accept="image/jpeg,image/png,image/webp,image/gif" onChange={(e) => void uploadChosenFile(e.target.files?.[0])} />
              {upload && <progress max={1} value={upload.progress} aria-label="Upload progress" />}
              <p role="status" aria-live="polite" className="form-status">
                {upload?.message}
              </p>
            </div>
            {open && <InsertImageLibrary chosenId={chosen?.id ?? null} onChoose={choose} />}
            {chosen && (
              <form
                onSubmit={(e: FormEvent) => {
                  e.stopPropagation();
                  void insert(e);
                }}
                noValidate
                className="stack-form"
                aria-label="Describe the image"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- uploads are stored as already-sized WebP copies with their width and height; Next's image optimizer is not used */}
                <img src={chosen.url} width={chosen.width} height={chosen.height} alt="" className="insert-image__chosen" />
                <TextField id={`${headingId}-alt`} label="Alt text" hint="What the image shows, for people who cannot see it." error={errors.alt?.message} registration={form.register('alt')} />
                <label className="choice">
                  <input type="checkbox" {...form.register('decorative')} /> Decoration only: it adds nothing for someone who cannot see it
                </label>
                <TextField id={`${headingId}-caption`} label="Caption (optional)" hint="Shown under the image." error={errors.caption?.message} registration={form.register('caption')} />
                <div className="insert-image__buttons">
                  <button type="submit">Insert into the text</button>
                  <button type="button" className="button--secondary" onClick={() => dialog.current?.close()}>
                    Cancel
                  </button>
                </div>
              </form>
            )}
            {!chosen && (
              <button type="button" className="button--secondary" onClick={() => dialog.current?.close()}>
                Cancel
              </button>
            )}
          </dialog>,
          document.body,
        )}
    </>
  );
}
