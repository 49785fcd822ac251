/** @jest-environment node */
import { loggableError, loggablePath, scrub } from '../../../server/log';

describe('what may reach the log', () => {
  it('removes email addresses', () => {
    expect(scrub('mail to jo.smith+fibro@example.org failed')).toBe('mail to [email] failed');
  });

  it('removes the parameters of a failed query (comment text, addresses)', () => {
    const message = 'Failed query: insert into "comments" ("body") values (?)\nparams: my private story,jo@example.org';
    expect(scrub(message)).toBe('Failed query: insert into "comments" ("body") values (?)\nparams: [redacted]');
  });

  it('removes token-like values and secrets in URLs', () => {
    expect(scrub('GET /subscription/confirm?token=abc.def&x=1')).toBe('GET /subscription/confirm?token=[redacted]&x=1');
    expect(scrub(`key ${'a1B2'.repeat(10)} end`)).toBe('key [redacted] end');
  });

  it('logs request paths without their query strings', () => {
    expect(loggablePath('/api/auth/callback/nodemailer?token=t0k3n&email=jo%40example.org')).toBe('/api/auth/callback/nodemailer');
    expect(loggablePath('/search?q=my+diagnosis')).toBe('/search');
  });

  it('logs an error as its kind and its scrubbed message, whatever was thrown', () => {
    expect(loggableError(new TypeError('no mail for zoë.obrien-ñúñez@example.org'))).toEqual({ type: 'TypeError', message: 'no mail for [email]' });
    expect(loggableError('łukasz@example.com could not be reached')).toEqual({ type: undefined, message: '[email] could not be reached' });
    expect(loggableError({ name: 'SqliteError', message: 'Failed query: select 1\nparams: my story' })).toEqual({ type: 'SqliteError', message: 'Failed query: select 1\nparams: [redacted]' });
    expect(loggableError(null)).toEqual({ type: undefined, message: 'null' });
  });

  it("keeps the database's own complaint that a failed query carries as its cause, each part scrubbed", () => {
    const complaint = Object.assign(new Error('value for jo@example.org violates check constraint'), { code: '23514' });
    const failed = new Error('Failed query: update "users" set "email" = $1\nparams: jo@example.org', { cause: complaint });
    expect(loggableError(failed)).toEqual({
      type: 'Error',
      message: 'Failed query: update "users" set "email" = $1\nparams: [redacted]\ncaused by: value for [email] violates check constraint',
    });
  });
});
