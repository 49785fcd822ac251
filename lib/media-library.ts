/**
 * The media library's rules beyond storing: describing an image and deleting one nobody uses. The
 * database decides in one transaction whether the image is used; its files go only once its row has.
 */
import 'server-only';
import { deleteUnusedUpload, type UploadUse } from '@/db/queries/uploads';
import type { CurrentUser } from '@/lib/session';
import { removeStoredFiles } from '@/lib/upload-files';

/** "the post “Pacing”", "the site icon": for the library's list and for refusals. */
export function describeUse(use: UploadUse): string {
  switch (use.kind) {
    case 'post-body':
      return `the text of the post “${use.title}”`;
    case 'post-cover':
      return `the cover of the post “${use.title}”`;
    case 'page-body':
      return `the page “${use.title}”`;
    case 'site-icon':
      return 'the site icon';
    case 'site-logo':
      return 'the site logo';
  }
}

export const inUseReason = (uses: UploadUse[]) => `It cannot be deleted while it is used in ${uses.map(describeUse).join(', ')}.`;

export type DeleteAnswer = { ok: true; message: string } | { ok: false; message: string };

export async function deleteUpload(actor: CurrentUser, id: number): Promise<DeleteAnswer> {
  const result = await deleteUnusedUpload(actor, id);
  if (!result.ok) return { ok: false, message: result.reason === 'missing' ? 'That image has already been deleted.' : inUseReason(result.uses) };
  await removeStoredFiles(result.file, result.variantWidths);
  return { ok: true, message: 'The image was deleted.' };
}
