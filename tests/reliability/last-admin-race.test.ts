/**
 * The site always keeps an admin: two admins demoting each other at the same instant through the role
 * form's server action (setRoleAction, as /admin/people posts it) leave exactly one admin, and the
 * refused one is told why. Several rounds, each a new admin against the one left by the last.
 */
import { submitForm, type ActionAnswer } from './support/actions';
import type { Person } from './support/database';
import { addPerson, countOf, startSite, type Site } from './support/site';

const ROUNDS = 5;
const LAST_ADMIN = 'This is the site’s only admin. Make someone else an admin first, so the site always has one.';
// When the other demotion lands before this request's own role check, the check refuses it.
const NO_LONGER_ADMIN = 'Only the site’s admins can do that; nothing was changed.';
const NAMES = ['Zoë O’Brien-Ñúñez', 'Łukasz Wiśniewski', 'Amara Okafor', 'Siobhán Ní Bhriain', '陈静', 'Renée d’Arc'];

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

const demote = (by: Person, target: Person) => submitForm(site.app.url, 'setRoleAction', { userId: target.id, role: 'member' }, by.cookie);
const admins = () => site.db.all<{ id: string }>("SELECT id FROM users WHERE role = 'admin'");
const saved = (a: ActionAnswer) => a.status === 200 && a.result?.ok === true && /^Saved: .+ is now a member\.$/.test(String(a.result.message));
const refusedClearly = (a: ActionAnswer) => a.status === 200 && a.result?.ok === false && [LAST_ADMIN, NO_LONGER_ADMIN].includes(String(a.result.message));

describe('two admins demoting each other at the same instant', () => {
  it(`leaves exactly one admin, round after round (${ROUNDS} rounds), and tells the refused one why`, async () => {
    // Only this test's admins: the seeded ones become authors.
    await site.db.run("UPDATE users SET role = 'author' WHERE role = 'admin'");
    let standing = await addPerson(site.db, 'admin', NAMES[0]);
    for (let round = 1; round <= ROUNDS; round++) {
      const challenger = await addPerson(site.db, 'admin', NAMES[round % NAMES.length]);
      expect(await countOf(site.db, "SELECT count(*) AS n FROM users WHERE role = 'admin'")).toBe(2);
      const [first, second] = await Promise.all([demote(standing, challenger), demote(challenger, standing)]);
      const left = await admins();
      expect({ round, admins: left.length }).toEqual({ round, admins: 1 });
      // The one still admin is the one whose demotion went through; the other was refused and told why.
      const [won, lost] = left[0].id === standing.id ? [first, second] : [second, first];
      expect({ round, saved: saved(won), refused: refusedClearly(lost) }).toEqual({ round, saved: true, refused: true });
      standing = left[0].id === standing.id ? standing : challenger;
    }
  }, 60_000);
});
