import type { Metadata } from 'next';
import Link from 'next/link';
import { DeleteUploadButton } from '@/components/admin/delete-upload-button';
import { MediaUploader } from '@/components/admin/media-uploader';
import { NotAllowed } from '@/components/admin/not-allowed';
import { UploadDetailsForm } from '@/components/admin/upload-details-form';
import { PageBar } from '@/components/ui/pagination';
import { listUploads, listUploadUses, UPLOADS_PER_PAGE, type Upload, type UploadUse } from '@/db/queries/uploads';
import { deleteUploadAction, updateUploadDetailsAction } from '@/lib/actions/media';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { SiteDate } from '@/components/layout/site-date';
import { adminSearchText } from '@/lib/admin-search';
import { describeUse, inUseReason } from '@/lib/media-library';
import { WRITERS } from '@/lib/roles';
import '@/components/admin/media.css';

// The media library: every uploaded image, newest first, to add to, describe, find where it is used, and delete when unused.
export const metadata: Metadata = { title: 'Media library' };

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

function hrefOf(use: UploadUse): string {
  if (!('id' in use)) return '/admin/settings';
  return use.kind === 'page-body' ? `/admin/pages/${use.id}` : `/admin/posts/${use.id}`;
}

/** The smallest stored copy makes the thumbnail. */
const thumbnail = (upload: Upload) => (upload.variantWidths.length > 0 ? upload.url.replace(/\.webp$/, `-${upload.variantWidths[0]}.webp`) : upload.url);

async function MediaCard({ upload }: { upload: Upload }) {
  const uses = await listUploadUses(upload);
  const name = upload.originalName || 'Untitled image';
  return (
    <li className="media-card">
      {/* eslint-disable-next-line @next/next/no-img-element -- uploads are stored as already-sized WebP copies with their width and height; Next's image optimizer is not used */}
      <img src={thumbnail(upload)} width={upload.width} height={upload.height} alt={upload.alt} loading="lazy" decoding="async" />
      <h3>{name}</h3>
      <p className="media-card__meta">
        {upload.width} × {upload.height} pixels, {Math.max(1, Math.round(upload.bytes / 1024))} KB, added <SiteDate iso={upload.createdAt.toISOString()} />
      </p>
      <UploadDetailsForm action={updateUploadDetailsAction} upload={{ id: upload.id, name, alt: upload.alt, caption: upload.caption }} />
      <div className="media-card__uses">
        {uses.length === 0 ? (
          'Not used anywhere yet.'
        ) : (
          <>
            Used in:
            <ul>
              {uses.map((use) => (
                <li key={`${use.kind}-${'id' in use ? use.id : ''}`}>
                  <Link href={hrefOf(use)}>{describeUse(use)}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <DeleteUploadButton action={deleteUploadAction} id={upload.id} name={name} inUse={uses.length > 0 ? inUseReason(uses) : null} />
    </li>
  );
}

export default async function MediaPage({ searchParams }: Props) {
  const user = await requireRoleOrSignIn('/admin/media', WRITERS);
  if (!user) return <NotAllowed who="authors and admins" />;
  const params = await searchParams;
  const search = adminSearchText(params.q, 200);
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(params.page)) || 1));
  const { uploads, total } = await listUploads(search, page);
  const totalPages = Math.max(1, Math.ceil(total / UPLOADS_PER_PAGE));
  const href = (p: number) => `/admin/media?${new URLSearchParams({ ...(search ? { q: search } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <div className="page-wide">
      <h1>Media library</h1>
      <MediaUploader />
      <section aria-labelledby="library-heading">
        <h2 id="library-heading">{search ? `Images matching “${search}”` : 'All images'}</h2>
        <form method="get" action="/admin/media" role="search" className="inline-form">
          <label htmlFor="media-search">File name, alt text or caption</label>
          <input id="media-search" name="q" type="search" defaultValue={search} maxLength={200} />
          <button type="submit">Search</button>
        </form>
        {uploads.length === 0 ? (
          <p className="empty-state">{search ? `No image’s name, alt text or caption contains “${search}”.` : 'No images yet: add some above.'}</p>
        ) : (
          <ul className="media-grid" aria-label="Images">
            {uploads.map((upload) => (
              <MediaCard key={upload.id} upload={upload} />
            ))}
          </ul>
        )}
        <PageBar label="Pages of images" page={page} totalPages={totalPages} hrefFor={href} prevText="← Newer images" nextText="Older images →" />
      </section>
    </div>
  );
}
