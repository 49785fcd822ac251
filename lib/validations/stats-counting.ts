/** The stats page's one switch: private view counting on or off. */
import { z } from 'zod';

export const statsCountingSchema = z.object({
  counting: z.enum(['on', 'off'], { message: 'Choose whether to count views.' }),
});
export type StatsCountingInput = z.infer<typeof statsCountingSchema>;
