'use server';
/** The stats page's switch: admins turn private view counting on or off (no reader page changes with it). */
import { revalidatePath } from 'next/cache';
import { setStatsEnabled } from '@/db/queries/stats';
import { ADMINS } from '@/lib/roles';
import { ADMINS_ONLY_MESSAGE } from '@/lib/site-admin/result';
import { statsCountingSchema } from '@/lib/validations/stats-counting';
import { formAction } from './guarded';

export const setStatsCountingAction = formAction({ name: 'stats counting', access: { roles: ADMINS, refusal: ADMINS_ONLY_MESSAGE }, schema: statsCountingSchema }, async ({ counting }, user) => {
  await setStatsEnabled(user, counting === 'on');
  revalidatePath('/admin/stats');
  return {
    ok: true,
    message: counting === 'on' ? 'Views are counted again from now on.' : 'Counting is off: no views are counted until you turn it on again.',
  };
});
