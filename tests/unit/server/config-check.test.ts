/** @jest-environment node */
import { insecureSettings } from '../../../server/config-check';

const secret = 'x'.repeat(40);

describe('insecure production settings', () => {
  it.each([
    ['the quick start default', {}],
    ['a local site over http', { SITE_URL: 'http://localhost:3000' }],
    ['a public https site with email', { SITE_URL: 'https://blog.example.org', EMAIL_SERVER: 'smtp://mail.example.org:587', HOST: '127.0.0.1', AUTH_SECRET: secret }],
    ['a public https site listening everywhere', { SITE_URL: 'https://blog.example.org', EMAIL_SERVER: 'smtp://mail.example.org', HOST: '0.0.0.0' }],
    ['an explicit override', { SITE_URL: 'http://blog.example.org', ALLOW_INSECURE: 'true' }],
  ])('accepts %s', (_name, env) => {
    expect(insecureSettings(env)).toEqual([]);
  });

  it.each([
    ['a public site over http', { SITE_URL: 'http://blog.example.org', EMAIL_SERVER: 'smtp://m' }, /must be served over https/],
    ['listening everywhere over http', { SITE_URL: 'http://localhost:3000', HOST: '0.0.0.0', EMAIL_SERVER: 'smtp://m' }, /must be served over https/],
    ['listening everywhere without SITE_URL', { HOST: '0.0.0.0' }, /SITE_URL is not set/],
    ['a short AUTH_SECRET', { AUTH_SECRET: 'secret' }, /AUTH_SECRET is shorter than 32/],
    ['a public site without email', { SITE_URL: 'https://blog.example.org' }, /EMAIL_SERVER is not set/],
    ['benchmark limits on a public site', { SITE_URL: 'https://blog.example.org', EMAIL_SERVER: 'smtp://m', COMMENT_FLOOD_LIMITS: 'off' }, /benchmarks only/],
  ])('refuses %s with a clear message', (_name, env, message) => {
    const problems = insecureSettings(env);
    expect(problems.join('\n')).toMatch(message);
  });
});
