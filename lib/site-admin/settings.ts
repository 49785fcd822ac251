/** Saving the site settings: admins only, checked against the same schema as the form. */
import { updateSiteSettings } from '@/db/queries/settings';
import { siteSettingsSchema, type SiteSettingsInput } from '@/lib/validations/site-settings';
import { refuseInvalid, refuseUnlessAdmin, type Done, type Refusal, type SiteAdminActor } from './result';

export function updateSettings(actor: SiteAdminActor, input: SiteSettingsInput): Done | Refusal {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const parsed = siteSettingsSchema.safeParse(input);
  if (!parsed.success) return refuseInvalid(parsed.error);
  updateSiteSettings(actor, parsed.data);
  return { ok: true, message: 'Saved. Readers see the new settings on their next page load.' };
}
