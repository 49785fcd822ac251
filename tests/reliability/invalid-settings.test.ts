/**
 * An invalid setting stops server/index.js at start with one line naming the variable and what it
 * should look like (never its value: some carry passwords), instead of a server answering 500 to
 * every request. The rules are lib/env.ts's own (server/env-schema.js), and a PostgreSQL site needs AUTH_SECRET.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServerExpectingFailure } = require('../e2e/server') as {
  startServerExpectingFailure(options: { env: Record<string, string> }): Promise<{ code: number | null; output: string }>;
};

const base = { SITE_URL: 'http://localhost:3000', DATABASE_URL: 'file:data/never-created.db' };

describe('invalid settings', () => {
  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'mysql://hearth:s3cret-pass@localhost/hearth' }, /DATABASE_URL must look like file:path\/to\/hearth\.db .* or postgres:\/\/user:password@host:5432\/database/],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://hearth:s3cret-pass@localhost' }, /DATABASE_URL must look like file:.* or postgres:/],
    ['DATABASE_URL', { DATABASE_URL: 'nonsense' }, /DATABASE_URL must look like file:/],
    ['PORT', { PORT: 'eighty' }, /PORT must be a whole number from 1 to 65535/],
    ['PORT', { PORT: '70000' }, /PORT must be a whole number from 1 to 65535/],
    ['SITE_URL', { SITE_URL: 'blog.example.org' }, /SITE_URL must be the full public address with http:\/\/ or https:\/\//],
    ['TRUSTED_PROXIES', { TRUSTED_PROXIES: '127.0.0.1, nginx.local, 10.0.0.0/40' }, /TRUSTED_PROXIES must list IP addresses or CIDR ranges.*not understood: nginx\.local, 10\.0\.0\.0\/40\./],
    ['MAIL_WORKER', { MAIL_WORKER: 'yes' }, /MAIL_WORKER must be inline or off/],
    ['UPLOADS_DIR', { UPLOADS_DIR: 'shared/uploads' }, /UPLOADS_DIR must be an absolute path to the folder every server of the site shares for uploaded images/],
    // Checked before any connection: the database need not exist.
    ['AUTH_SECRET', { DATABASE_URL: 'postgres://hearth:s3cret-pass@localhost:5432/hearth' }, /AUTH_SECRET is not set and DATABASE_URL is PostgreSQL.*openssl rand/],
  ])('stops on a bad %s with one clear line', async (_name, env, line) => {
    const { code, output } = await startServerExpectingFailure({ env: { ...base, ...env } });
    expect(code).not.toBe(0);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[hearth\] refusing to start: /);
    expect(lines[0]).toMatch(line);
    expect(output).not.toMatch(/s3cret|\n\s+at /);
  });
});
