/** Auth.js's log: a refused sign-in is one short line; real failures are logged in full without addresses or tokens. */
import { AccessDenied, AdapterError, Verification } from '@auth/core/errors';
import { authLogger, scrubAuthLog } from '@/lib/auth-logger';

let warn: jest.SpyInstance;
let error: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  error = jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => jest.restoreAllMocks());

const printed = (spy: jest.SpyInstance) => spy.mock.calls.map((args) => args.map(String).join(' ')).join('\n');

describe('authLogger', () => {
  it.each([new Verification(), new AccessDenied('river@example.org was refused')])('logs %s as one short line', (refusal) => {
    authLogger.error(refusal);
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    const line = printed(warn);
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThan(80);
    expect(line).not.toContain('river@example.org');
  });

  it('logs other errors in full, with addresses and tokens scrubbed', () => {
    const cause = new Error('lookup failed for river@example.org at /api/auth/callback/email?token=ABCDEFGH&email=river%40example.org');
    authLogger.error(new AdapterError('getUserByEmail failed for river@example.org', { cause: { err: cause } }));
    const text = printed(error);
    expect(text).toContain('AdapterError');
    expect(text).toContain('lookup failed');
    expect(text).toMatch(/at .*auth-logger\.test\.ts/); // the stack is kept
    expect(text).not.toContain('river@example.org');
    expect(text).not.toContain('ABCDEFGH');
    expect(text).not.toContain('river%40example.org');
  });
});

describe('scrubAuthLog', () => {
  it.each([
    ['sent to someone.else+tag@sub.example.org today', 'sent to [address] today'],
    ['?token=XYZ123&email=a%40b.org&callbackUrl=/', '?token=[hidden]&email=[hidden]&callbackUrl=/'],
    ['{"sessionToken": "abc"}', '{"sessionToken": "[hidden]"}'],
  ])('%s', (input, expected) => expect(scrubAuthLog(input)).toBe(expected));
});
