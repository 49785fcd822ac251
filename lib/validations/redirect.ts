/** The redirect form at /admin/redirects (add and edit) and its remove button, shared by the browser (zodResolver) and the server. */
import { z } from 'zod';
import { normalizeRedirectPath } from '@/lib/redirects/normalize';
import { isAllowedRedirectTarget } from '@/lib/redirects/target';

export const redirectSchema = z
  .object({
    /** Empty for a new redirect. */
    id: z.string().regex(/^\d*$/, 'That redirect was not found.'),
    fromPath: z.string().trim().min(1, 'Enter the old address, like /2024/05/01/pacing/.').max(2000, 'Keep the old address under 2,000 characters.'),
    toPath: z.string().trim().min(1, 'Enter where it goes now, like /posts/pacing.').max(2000, 'Keep the new address under 2,000 characters.'),
  })
  .transform((values, ctx) => {
    const fromPath = normalizeRedirectPath(values.fromPath);
    if (!fromPath) ctx.addIssue({ code: 'custom', path: ['fromPath'], message: 'Enter a path on this site, like /2024/05/01/pacing/, or a full old address.' });
    if (!isAllowedRedirectTarget(values.toPath)) {
      ctx.addIssue({ code: 'custom', path: ['toPath'], message: 'Enter a path on this site starting with one “/”, like /posts/pacing, or an https:// address.' });
    } else if (fromPath && fromPath === normalizeRedirectPath(values.toPath) && values.toPath.startsWith('/')) {
      ctx.addIssue({ code: 'custom', path: ['toPath'], message: 'This would send the address to itself. Enter where it goes now.' });
    }
    return { id: values.id === '' ? undefined : Number(values.id), fromPath: fromPath ?? '', toPath: values.toPath };
  });
export type RedirectInput = z.input<typeof redirectSchema>;
export type RedirectValues = z.output<typeof redirectSchema>;

export const redirectIdSchema = z.object({ id: z.coerce.number().int().positive('That redirect was not found.') });
