/** Saving the site settings: admins only, values already parsed with the form's schema. */
import { updateSiteSettings } from '@/db/queries/settings';
import type { SiteSettingsValues } from '@/lib/validations/site-settings';
import { refuseUnlessAdmin, type Done, type Refusal, type SiteAdminActor } from './result';

export function updateSettings(actor: SiteAdminActor, values: SiteSettingsValues): Done | Refusal {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  updateSiteSettings(actor, values);
  return { ok: true, message: 'Saved. Readers see the new settings on their next page load.' };
}
