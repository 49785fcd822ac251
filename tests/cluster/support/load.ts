/**
 * A bounded read-and-comment load through the proxy: a few readers fetching reader pages and the per-visitor
 * comment route back to back, and one comment every `commentEveryMs` from the next member in line (each member
 * writes once, so the app's per-member pace limits never refuse one). Every reader answer that is not a 200
 * is a failure; every comment answer is kept, with what was sent, for checking against the database.
 */
import type { Person } from '../../reliability/support/database';
import { postComment } from '../../reliability/support/comments';

export type SentComment = { body: string; status: number | 'no answer'; id: number | null };
export type LoadResult = { reads: number; readFailures: string[]; comments: SentComment[] };

type LoadOptions = { site: string; postId: number; readPaths: string[]; readers: number; members: Person[]; durationMs: number; commentEveryMs: number };

export async function readAndComment({ site, postId, readPaths, readers, members, durationMs, commentEveryMs }: LoadOptions): Promise<LoadResult> {
  const until = performance.now() + durationMs;
  const result: LoadResult = { reads: 0, readFailures: [], comments: [] };

  const reader = async (n: number) => {
    for (let i = n; performance.now() < until; i++) {
      const pathname = readPaths[i % readPaths.length];
      try {
        const response = await fetch(`${site}${pathname}`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status !== 200) result.readFailures.push(`${response.status} ${pathname}`);
      } catch (error) {
        result.readFailures.push(`${String((error as Error).cause ?? error)} ${pathname}`);
      }
      result.reads++;
    }
  };

  const commenter = async () => {
    const pending: Promise<void>[] = [];
    for (let n = 0; performance.now() < until; n++) {
      if (n >= members.length) throw new Error(`the load needs more than ${members.length} members`);
      const body = `Under load, comment ${n} from ${members[n].id.slice(0, 8)}`;
      pending.push(
        postComment(site, postId, members[n], { body }).then(
          (answer) => void result.comments.push({ body, status: answer.status, id: typeof answer.json?.id === 'number' ? answer.json.id : null }),
          () => void result.comments.push({ body, status: 'no answer', id: null }),
        ),
      );
      await new Promise((r) => setTimeout(r, commentEveryMs));
    }
    await Promise.all(pending);
  };

  await Promise.all([commenter(), ...Array.from({ length: readers }, (_, n) => reader(n))]);
  return result;
}
