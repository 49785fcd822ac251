/**
 * The sign-in email limit holds under a burst: 20 requests for one address at the same instant (each from
 * another client address, so only the per-address limit of 5 decides) let exactly 5 through, counted by
 * what really happened (emails queued and received by a real SMTP server; each new code replaces the last,
 * so stored codes cannot count it), and the 15 others get the clear refusal.
 */
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { submitForm, type ActionAnswer } from './support/actions';
import { countOf, startSite, type Site } from './support/site';

const LIMIT = 5; // lib/rate-limit.ts SIGN_IN_LIMIT_PER_ADDRESS
const PARALLEL = 20;
const ADDRESSES = ['zoe.obrien-nunez@example.org', 'lukasz.wisniewski@example.org'];

let site: Site;
let mail: MailCatcher;
let answers: { email: string; answer: ActionAnswer }[];

const refused = (a: ActionAnswer) => a.status === 200 && a.result?.ok === false && /Too many sign-in emails were asked for\. Please wait 15 minutes/.test(String(a.result.message));
const accepted = (a: ActionAnswer) => a.status === 200 && a.redirect?.startsWith('/signin/check') === true;

beforeAll(async () => {
  mail = await startMailCatcher();
  site = await startSite({ EMAIL_SERVER: mail.url, MAIL_PER_SECOND: '1000' });
  // All requests for both addresses leave together; each from its own loopback address (127.0.0.2…).
  const requests = ADDRESSES.flatMap((email, a) => Array.from({ length: PARALLEL }, (_, i) => ({ email, from: `127.0.0.${2 + a * PARALLEL + i}` })));
  answers = await Promise.all(
    requests.map(async ({ email, from }) => ({ email, answer: await submitForm(site.app.url, 'requestSignInAction', { email, callbackUrl: '/' }, undefined, { localAddress: from }) })),
  );
}, 60_000);
afterAll(async () => {
  await site?.stop();
  await mail?.close();
});

describe(`${PARALLEL} sign-in requests for one address at the same instant`, () => {
  it.each(ADDRESSES)(`accepts exactly ${LIMIT} for %s and refuses the rest with the clear message`, (email) => {
    const mine = answers.filter((a) => a.email === email).map((a) => a.answer);
    expect(mine).toHaveLength(PARALLEL);
    expect(mine.filter(accepted)).toHaveLength(LIMIT);
    expect(mine.filter(refused)).toHaveLength(PARALLEL - LIMIT);
  });

  it(`sends exactly ${LIMIT} emails to each address, and nothing is left queued`, async () => {
    const deadline = Date.now() + 20_000;
    const unsent = () => countOf(site.db, "SELECT count(*) AS n FROM outbox WHERE kind = 'sign-in' AND status <> 'sent'");
    while (Date.now() < deadline && (await unsent()) > 0) await new Promise((r) => setTimeout(r, 200));
    expect(await unsent()).toBe(0);
    for (const email of ADDRESSES) expect(mail.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.text.includes(email))).toHaveLength(LIMIT);
    expect(await countOf(site.db, "SELECT count(*) AS n FROM outbox WHERE kind = 'sign-in'")).toBe(LIMIT * ADDRESSES.length);
  });
});
