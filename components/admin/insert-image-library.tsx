'use client';
/** The media library inside the "Insert image" dialog: the newest images, or those matching a search, to pick one. */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';

export type LibraryImage = { id: number; url: string; width: number; height: number; originalName: string; alt: string; caption: string };
type Listing = { images: LibraryImage[]; totalPages: number };

type Props = { chosenId: number | null; onChoose: (image: LibraryImage) => void };

export function InsertImageLibrary({ chosenId, onChoose }: Props) {
  const searchId = useId();
  const [listing, setListing] = useState<Listing | null>(null);
  const [status, setStatus] = useState('Loading the media library…');

  const load = useCallback(async (search: string) => {
    setStatus('Loading the media library…');
    try {
      const response = await fetch(`/api/admin/uploads?${new URLSearchParams({ q: search })}`);
      const answer = await response.json();
      if (!response.ok) return setStatus(answer?.error ?? `The media library could not be loaded (error ${response.status}).`);
      setListing(answer as Listing);
      setStatus(answer.images.length === 0 ? (search ? `No image matches “${search}”.` : 'The media library is empty.') : '');
    } catch {
      setStatus('The media library could not be loaded. Check your connection and try again.');
    }
  }, []);

  useEffect(() => {
    void load('');
  }, [load]);

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation(); // React bubbles it through the portal to the post editor's form
    void load(String(new FormData(event.currentTarget).get('q') ?? ''));
  };

  return (
    <section aria-labelledby={`${searchId}-heading`}>
      <h3 id={`${searchId}-heading`}>Or choose from the media library</h3>
      <form role="search" onSubmit={search} className="inline-form">
        <label htmlFor={searchId}>File name, alt text or caption</label>
        <input id={searchId} name="q" type="search" maxLength={200} />
        <button type="submit" className="button--secondary">
          Search
        </button>
      </form>
      <p role="status" aria-live="polite" className="form-status">
        {status || (listing && listing.totalPages > 1 ? 'The newest images are shown: search to find older ones.' : '')}
      </p>
      <ul className="insert-image__choices" aria-label="Images in the library">
        {listing?.images.map((image) => (
          <li key={image.id}>
            <button type="button" aria-pressed={chosenId === image.id} onClick={() => onChoose(image)}>
              {/* eslint-disable-next-line @next/next/no-img-element -- uploads are stored as already-sized WebP copies with their width and height; Next's image optimizer is not used */}
              <img src={image.url} width={image.width} height={image.height} alt="" loading="lazy" />
              {image.originalName || image.alt || 'Untitled image'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
