'use client';
/**
 * The library's upload area: drop images on it or choose them, several at once. Each file goes in its own
 * request, two at a time, with its own progress bar and its own answer (the server checks every file).
 * More than MAX_FILES at once are refused together, clearly, so nothing is half-done.
 */
import { useRouter } from 'next/navigation';
import { useId, useState, type DragEvent } from 'react';
import { sendImage } from './upload-request';

export const MAX_FILES = 20;
const AT_ONCE = 2;

type Item = { key: string; name: string; progress: number; state: 'waiting' | 'sending' | 'done' | 'failed'; message?: string };

export function MediaUploader({ onUploaded }: { onUploaded?: (image: { id: number; url: string; width: number; height: number }) => void }) {
  const router = useRouter();
  const inputId = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [notice, setNotice] = useState('');
  const [dragging, setDragging] = useState(false);

  const update = (key: string, change: Partial<Item>) => setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));

  async function uploadAll(files: File[]) {
    if (files.length === 0) return;
    if (files.length > MAX_FILES) {
      setNotice(`You chose ${files.length} files: please upload at most ${MAX_FILES} at a time. Nothing was uploaded.`);
      return;
    }
    const batch = files.map((file, i) => ({ file, key: `${Date.now()}-${i}-${file.name}` }));
    setItems(batch.map(({ file, key }) => ({ key, name: file.name, progress: 0, state: 'waiting' })));
    setNotice(`Uploading ${files.length} ${files.length === 1 ? 'image' : 'images'}…`);
    const queue = [...batch];
    let stored = 0;
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { file, key } = next;
        update(key, { state: 'sending' });
        const answer = await sendImage(file, (progress) => update(key, { progress }));
        if (answer.ok) {
          stored++;
          update(key, { state: 'done', progress: 1, message: 'Uploaded.' });
          onUploaded?.(answer.image);
        } else update(key, { state: 'failed', message: answer.message });
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, worker));
    setNotice(`${stored} of ${files.length} ${files.length === 1 ? 'image' : 'images'} uploaded.`);
    router.refresh();
  }

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void uploadAll([...event.dataTransfer.files]);
  };

  return (
    <section
      aria-labelledby={`${inputId}-heading`}
      className={dragging ? 'media-drop media-drop--active' : 'media-drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <h2 id={`${inputId}-heading`}>Add images</h2>
      <p>Drop images here, or choose them (JPEG, PNG, WebP or GIF, up to 8 MB each, at most {MAX_FILES} at a time).</p>
      <label htmlFor={inputId} className="media-drop__label">
        Choose images
      </label>
      <input
        id={inputId}
        type="file"
        multiple
        accept="image/jpeg,image/png,image/webp,image/gif"
        onChange={(event) => {
          void uploadAll([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      <p role="status" aria-live="polite" className="form-status">
        {notice}
      </p>
      {items.length > 0 && (
        <ul className="media-progress" aria-label="Uploads">
          {items.map((item) => (
            <li key={item.key}>
              <span className="media-progress__name">{item.name}</span>
              <progress max={1} value={item.progress} aria-label={`Upload of ${item.name}`} />
              <span className={item.state === 'failed' ? 'field__error' : undefined}>
                {item.state === 'waiting' ? 'Waiting…' : item.state === 'sending' ? `${Math.round(item.progress * 100)}%` : item.message}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
