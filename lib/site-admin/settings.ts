/** Saving the site settings: admins only, values already parsed with the form's schema. */
import { updateSiteSettings } from '@/db/queries/settings';
import { getUpload } from '@/db/queries/uploads';
import { withTransaction } from '@/db/transaction';
import type { SiteSettingsValues } from '@/lib/validations/site-settings';
import { refuseUnlessAdmin, type Done, type Refusal } from './result';
import type { CurrentUser } from '@/lib/session';

const GONE = 'That image is not on the server (any more). Please upload it again.';

export async function updateSettings(actor: CurrentUser, values: SiteSettingsValues): Promise<Done | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  // One transaction: an image cannot be deleted from the library between this check and the save.
  return withTransaction(async (): Promise<Done | Refusal> => {
    // The icon and logo are uploads made a moment before (through the upload route): they must exist.
    const missing: ('iconUploadId' | 'logoUploadId')[] = [];
    for (const field of ['iconUploadId', 'logoUploadId'] as const) if (values[field] !== null && !(await getUpload(values[field]))) missing.push(field);
    if (missing.length > 0) return { ok: false, message: 'Please check the highlighted field.', fieldErrors: Object.fromEntries(missing.map((field) => [field, [GONE]])) };
    await updateSiteSettings(actor, values);
    return { ok: true, message: 'Saved. Readers see the new settings on their next page load.' };
  });
}
