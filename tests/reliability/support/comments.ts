/** Posting comments over real HTTP (the JSON route), one at a time or as a storm from many members. */
import type { Person } from './database';

export type Answer = { status: number; body: string; json: { ok?: boolean; id?: number; status?: string } | null };

export async function postComment(baseUrl: string, postId: number, person: Pick<Person, 'cookie'> | null, payload: unknown): Promise<Answer> {
  const response = await fetch(`${baseUrl}/api/posts/${postId}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(person ? { Cookie: person.cookie } : {}) },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const body = await response.text();
  let json = null;
  try {
    json = JSON.parse(body);
  } catch {
    // Not JSON: kept as text for the assertion message.
  }
  return { status: response.status, body, json };
}

export type Accepted = { id: number; body: string; at: number };
export type StormResult = { accepted: Accepted[]; answers: Map<number, number>; failures: string[] };

/**
 * Each member posts in a loop until `shouldStop()` or `perMember` comments; every 201 is recorded with
 * the time its answer arrived. Network errors (a killed server) end that member's loop and are recorded.
 */
export async function commentStorm(
  baseUrl: string,
  postId: number,
  members: Person[],
  { perMember, shouldStop = () => false, onAccepted = () => {}, tag = 'storm' }: { perMember: number; shouldStop?: () => boolean; onAccepted?: (acceptedSoFar: number) => void; tag?: string },
): Promise<StormResult> {
  const result: StormResult = { accepted: [], answers: new Map(), failures: [] };
  await Promise.all(
    members.map(async (member, m) => {
      for (let i = 0; i < perMember && !shouldStop(); i++) {
        const body = `${tag} comment ${m}-${i} from ${member.id}`;
        let answer: Answer;
        try {
          answer = await postComment(baseUrl, postId, member, { body });
        } catch (error) {
          result.failures.push(String((error as Error).cause ?? error));
          return;
        }
        result.answers.set(answer.status, (result.answers.get(answer.status) ?? 0) + 1);
        if (answer.status === 201 && typeof answer.json?.id === 'number') {
          result.accepted.push({ id: answer.json.id, body, at: Date.now() });
          onAccepted(result.accepted.length);
        } else if (answer.status >= 500) result.failures.push(`${answer.status}: ${answer.body.slice(0, 200)}`);
      }
    }),
  );
  return result;
}
