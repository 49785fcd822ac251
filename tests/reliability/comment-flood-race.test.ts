/**
 * The comment pace holds under a burst (COMMENT_FLOOD_LIMITS on, lib/comments/pace.ts): 50 members each
 * send 3 comments at the same instant over the JSON comment route. Each member gets exactly what the
 * limits allow (one comment per 10 seconds; none for a member who already used the hour's 30), every other
 * request is refused with the clear sentence, and every accepted comment is stored once with its own text.
 */
import { postComment, type Answer } from './support/comments';
import type { Person } from './support/database';
import { addPerson, openPostOf, startSite, type Site } from './support/site';

const MEMBERS = 50;
const EACH = 3;
const HOUR_USED_UP = 10; // the first members, who already posted 30 times this hour
const PER_HOUR = 30; // lib/comments/pace.ts FLOOD_MAX_PER_HOUR
const TOO_QUICK = 'You are writing very quickly. Please wait a few seconds and send it again; your text is kept.';
const HOUR_FULL = `You have posted or edited ${PER_HOUR} comments in the last hour, the most we allow. Please take a break and try again later; your text is kept.`;
const NAMES = ['Zoë O’Brien-Ñúñez', 'Łukasz Wiśniewski', 'Amara Okafor', 'Siobhán Ní Bhriain', '陈静'];

let site: Site;
let postId: number;
let members: Person[];
let sent: { member: number; body: string; answer: Answer }[];

beforeAll(async () => {
  site = await startSite({ COMMENT_FLOOD_LIMITS: 'on' });
  postId = (await openPostOf(site.db)).id;
  members = [];
  for (let m = 0; m < MEMBERS; m++) members.push(await addPerson(site.db, 'member', `${NAMES[m % NAMES.length]} ${m}`));
  // Half an hour ago, 30 times: the hour's allowance is gone, the 10-second pace is not.
  const earlier = new Date(Date.now() - 30 * 60_000);
  for (const member of members.slice(0, HOUR_USED_UP))
    for (let i = 0; i < PER_HOUR; i++) await site.db.run('INSERT INTO rate_limit_hits (key, at) VALUES (?, ?)', [`comment:hour:${member.id}`, earlier]);
  const requests = members.flatMap((member, m) => Array.from({ length: EACH }, (_, i) => ({ member: m, body: `Flood test ${m}-${i}: ${NAMES[(m + i) % NAMES.length]} says it’s a good day 🌿` })));
  sent = await Promise.all(requests.map(async (r) => ({ ...r, answer: await postComment(site.app.url, postId, members[r.member], { body: r.body }) })));
}, 60_000);
afterAll(async () => {
  await site?.stop();
});

const accepted = (m: number) => sent.filter((s) => s.member === m && s.answer.status === 201);
const refusals = (m: number) => sent.filter((s) => s.member === m && s.answer.status !== 201).map((s) => ({ status: s.answer.status, message: (s.answer.json as { message?: string })?.message }));

describe(`${MEMBERS} members sending ${EACH} comments each at the same instant, flood limits on`, () => {
  it('answers every request with an acceptance or a refusal, never a server error', () => {
    expect(sent).toHaveLength(MEMBERS * EACH);
    expect(sent.filter((s) => ![201, 422].includes(s.answer.status)).map((s) => `${s.answer.status} ${s.answer.body.slice(0, 200)}`)).toEqual([]);
  });

  it('accepts exactly one comment from each member with hours left, and refuses the others as too quick', () => {
    for (let m = HOUR_USED_UP; m < MEMBERS; m++) {
      expect({ member: m, accepted: accepted(m).length }).toEqual({ member: m, accepted: 1 });
      expect(refusals(m)).toEqual(Array(EACH - 1).fill({ status: 422, message: TOO_QUICK }));
    }
  });

  it('accepts nothing from a member who used up the hour, and says so', () => {
    for (let m = 0; m < HOUR_USED_UP; m++) {
      expect({ member: m, accepted: accepted(m).length }).toEqual({ member: m, accepted: 0 });
      const messages = refusals(m).map((r) => r.message);
      expect(messages).toHaveLength(EACH);
      // The one that got past the 10-second pace meets the hourly limit; the rest are too quick.
      expect(messages.filter((x) => x === HOUR_FULL)).toHaveLength(1);
      expect(messages.filter((x) => x === TOO_QUICK)).toHaveLength(EACH - 1);
    }
  });

  it('stores every accepted comment exactly once, with its own text, and nothing refused', async () => {
    const stored = await site.db.all<{ id: number; body: string }>("SELECT id, body FROM comments WHERE post_id = ? AND body LIKE 'Flood test %'", [postId]);
    const acceptedNow = sent.filter((s) => s.answer.status === 201);
    expect(stored).toHaveLength(MEMBERS - HOUR_USED_UP);
    expect(new Map(stored.map((c) => [c.id, c.body]))).toEqual(new Map(acceptedNow.map((s) => [s.answer.json?.id, s.body])));
  });
});
