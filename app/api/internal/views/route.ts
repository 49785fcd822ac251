// Called every couple of seconds by the production server's view counter (server/view-counter.js) with the
// views it counted. Each path is checked (lib/stats/count-view.ts) before anything is stored.
import { z } from 'zod';
import { countsRoute } from '@/lib/http/counts-route';
import { countViews } from '@/lib/stats/count-view';

export const POST = countsRoute({
  schema: z.object({
    views: z.array(z.object({ path: z.string().max(300), referrer: z.string().max(260), n: z.number().int().positive().max(1_000_000) })).max(10_000),
  }),
  expected: '{"views": [{ path, referrer, n }]}',
  maxBytes: 4 * 1024 * 1024,
  store: ({ views }) => countViews(views),
});
