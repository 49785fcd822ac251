/**
 * A client cannot pick its own address: the per-IP sign-in and subscribe limits hold whatever
 * X-Forwarded-For it sends, straight to the app (TRUSTED_PROXIES unset: the socket's peer is the
 * client) and behind the shipped nginx (TRUSTED_PROXIES=127.0.0.1: nginx's own hop is believed, the
 * client's are not). Each test uses a fresh server, so the 15-minute windows start empty.
 */
import { submitForm, type ActionAnswer, type CallOptions } from './support/actions';
import { startServer, type App } from './support/app';
import { ensureNginx, startNginx, type RunningNginx } from '../helpers/nginx';
import { SIGN_IN_LIMIT_PER_IP, SUBSCRIBE_LIMIT_PER_IP } from '@/lib/rate-limit';

const nginx = ensureNginx();
if ('unavailable' in nginx && process.env.CI) throw new Error(`nginx is required in CI: ${nginx.unavailable}`);
const itWithNginx = 'unavailable' in nginx ? it.skip : it;

let app: App | undefined;
let proxy: RunningNginx | undefined;
afterEach(async () => {
  await proxy?.stop();
  await app?.stop();
  proxy = undefined;
  app = undefined;
});

/** Headers a client uses to pose as many different visitors. */
const spoofed = (n: number): Record<string, string> => ({
  'X-Forwarded-For': `198.51.100.${n}, 203.0.113.${n}`,
  'X-Real-IP': `192.0.2.${n}`,
  Forwarded: `for=192.0.2.${n}`,
  'X-Forwarded-Host': 'localhost',
});

const refused = (answer: ActionAnswer) => answer.result?.ok === false && /wait 15 minutes/i.test(String(answer.result.message));
const accepted = (answer: ActionAnswer) => answer.status === 200 && !refused(answer) && (answer.redirect !== null || answer.result?.ok === true);

async function signInRequests(url: string, count: number, options: (n: number) => CallOptions) {
  const answers: ActionAnswer[] = [];
  for (let n = 1; n <= count; n++) answers.push(await submitForm(url, 'requestSignInAction', { email: `visitor${n}@example.org`, callbackUrl: '/' }, undefined, options(n)));
  return answers;
}

describe('client addresses', () => {
  it(`refuses the ${SIGN_IN_LIMIT_PER_IP + 1}st sign-in email from one peer, whatever X-Forwarded-For it sends`, async () => {
    app = await startServer();
    const answers = await signInRequests(app.url, SIGN_IN_LIMIT_PER_IP + 1, (n) => ({ headers: spoofed(n) }));
    expect(answers.slice(0, SIGN_IN_LIMIT_PER_IP).map(accepted)).toEqual(Array(SIGN_IN_LIMIT_PER_IP).fill(true));
    expect(refused(answers[SIGN_IN_LIMIT_PER_IP])).toBe(true);
  });

  it(`refuses the ${SUBSCRIBE_LIMIT_PER_IP + 1}st subscription from one peer, whatever X-Forwarded-For it sends`, async () => {
    app = await startServer();
    const answers: ActionAnswer[] = [];
    for (let n = 1; n <= SUBSCRIBE_LIMIT_PER_IP + 1; n++) {
      answers.push(await submitForm(app.url, 'subscribeAction', { email: `reader${n}@example.org`, frequency: 'each-post' }, undefined, { headers: spoofed(n) }));
    }
    expect(answers.slice(0, SUBSCRIBE_LIMIT_PER_IP).map(accepted)).toEqual(Array(SUBSCRIBE_LIMIT_PER_IP).fill(true));
    expect(refused(answers[SUBSCRIBE_LIMIT_PER_IP])).toBe(true);
  });

  itWithNginx('behind the shipped nginx, believes the proxy about the client and the client about nothing', async () => {
    app = await startServer({ env: { TRUSTED_PROXIES: '127.0.0.1' } });
    proxy = await startNginx((nginx as { binary: string }).binary, app.port);
    // One visitor on 127.0.0.5 varying every forwarding header, through nginx's reader-page location.
    const answers: ActionAnswer[] = [];
    for (let n = 1; n <= SUBSCRIBE_LIMIT_PER_IP + 1; n++) {
      answers.push(await submitForm(proxy.url, 'subscribeAction', { email: `proxied${n}@example.org`, frequency: 'each-post' }, undefined, { headers: spoofed(n), localAddress: '127.0.0.5' }));
    }
    expect(answers.slice(0, SUBSCRIBE_LIMIT_PER_IP).map(accepted)).toEqual(Array(SUBSCRIBE_LIMIT_PER_IP).fill(true));
    expect(refused(answers[SUBSCRIBE_LIMIT_PER_IP])).toBe(true);
    // Another visitor (127.0.0.6) is another client: the app does take the address nginx saw.
    const other = await submitForm(proxy.url, 'subscribeAction', { email: 'neighbour@example.org', frequency: 'each-post' }, undefined, { localAddress: '127.0.0.6' });
    expect(accepted(other)).toBe(true);
  });
});
