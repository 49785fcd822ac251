// Called every couple of seconds by the production server's redirect hit counter (server/redirect-hits.js)
// with the moved addresses it answered (lib/redirects/count-hits.ts stores them).
import { z } from 'zod';
import { countsRoute } from '@/lib/http/counts-route';
import { countRedirectHits } from '@/lib/redirects/count-hits';

export const POST = countsRoute({
  schema: z.object({ hits: z.array(z.object({ path: z.string().max(2000), n: z.number().int().positive().max(1_000_000) })).max(10_000) }),
  expected: '{"hits": [{ path, n }]}',
  maxBytes: 32 * 1024 * 1024,
  store: ({ hits }) => countRedirectHits(hits),
});
