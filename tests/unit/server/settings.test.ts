/** @jest-environment node */
import { uploadsDirOf } from '../../../server/env-schema';
import { serverSettings } from '../../../server/settings';

describe("the production server's settings", () => {
  it('are the validated values, for production whatever NODE_ENV says', () => {
    const settings = serverSettings({ NODE_ENV: 'development', PORT: '8080', SITE_URL: 'http://localhost:8080', LOG_LEVEL: 'warn', TRUSTED_PROXIES: '127.0.0.1' });
    expect(settings).toMatchObject({ ok: true, env: { NODE_ENV: 'production', PORT: 8080, LOG_LEVEL: 'warn', PAGE_CACHE_MS: 1000 } });
    expect(settings.ok && settings.env.TRUSTED_PROXIES).toEqual([{ address: '127.0.0.1', prefix: 32, family: 'ipv4' }]);
  });

  it('refuse an invalid setting with one line each, without its value', () => {
    const settings = serverSettings({ PORT: 'eighty', DATABASE_URL: 'mysql://hearth:s3cret-pass@db.example.org/hearth' });
    expect(settings.ok).toBe(false);
    const lines = settings.ok ? [] : settings.lines;
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^\[hearth\] refusing to start: /);
    expect(lines.join('\n')).toMatch(/PORT must be a whole number/);
    expect(lines.join('\n')).not.toMatch(/s3cret/);
  });

  it('take a Redis address for the shared cache, and refuse anything else without repeating it', () => {
    for (const url of ['redis://127.0.0.1:6379', 'rediss://:s3cret@cache.example.org:6380/2']) expect(serverSettings({ REDIS_URL: url }).ok).toBe(true);
    for (const url of ['http://cache.example.org', '127.0.0.1:6379', 'redis://']) {
      const settings = serverSettings({ REDIS_URL: url });
      expect(settings).toEqual({ ok: false, lines: [expect.stringMatching(/^\[hearth\] refusing to start: REDIS_URL must look like redis:\/\/host:6379/)] });
    }
    expect(JSON.stringify(serverSettings({ REDIS_URL: 'memcached://:s3cret@cache' }))).not.toMatch(/s3cret/);
  });

  it('refuse a PostgreSQL pool of fewer than two connections (a job holds one for its lock)', () => {
    expect(serverSettings({ DATABASE_POOL_SIZE: '1' })).toEqual({ ok: false, lines: [expect.stringMatching(/DATABASE_POOL_SIZE must be a whole number from 2 to 1000/)] });
    expect(serverSettings({ DATABASE_POOL_SIZE: '2' }).ok).toBe(true);
  });

  it('refuse an insecure public site, saying how to start it anyway', () => {
    const settings = serverSettings({ SITE_URL: 'http://blog.example.org', EMAIL_SERVER: 'smtp://mail.example.org' });
    expect(settings).toEqual({
      ok: false,
      lines: [
        expect.stringMatching(/^\[hearth\] refusing to start: SITE_URL is http:\/\/blog\.example\.org: a public site must be served over https/),
        '[hearth] (ALLOW_INSECURE=true starts it anyway, for a deliberate test setup only.)',
      ],
    });
    expect(serverSettings({ SITE_URL: 'http://blog.example.org', EMAIL_SERVER: 'smtp://mail.example.org', ALLOW_INSECURE: 'true' }).ok).toBe(true);
  });

  it('refuse a PostgreSQL site without AUTH_SECRET in one line, even with ALLOW_INSECURE; SQLite still generates one', () => {
    const postgres = { DATABASE_URL: 'postgres://hearth:s3cret-pass@db.example.org:5432/hearth' };
    for (const source of [postgres, { ...postgres, ALLOW_INSECURE: 'true' }]) {
      expect(serverSettings(source)).toEqual({
        ok: false,
        lines: [expect.stringMatching(/^\[hearth\] refusing to start: AUTH_SECRET is not set and DATABASE_URL is PostgreSQL, where every server must share one secret/)],
      });
    }
    expect(JSON.stringify(serverSettings(postgres))).not.toMatch(/s3cret/);
    expect(serverSettings({ ...postgres, AUTH_SECRET: 'x'.repeat(40) }).ok).toBe(true);
    expect(serverSettings({ DATABASE_URL: 'file:data/hearth.db' }).ok).toBe(true);
  });

  it('take UPLOADS_DIR as an absolute folder, refuse a relative one in one line, and default to uploads in the data folder', () => {
    const shared = serverSettings({ DATABASE_URL: 'file:/var/lib/hearth/hearth.db', UPLOADS_DIR: '/srv/hearth-shared/uploads/' });
    expect(shared.ok && uploadsDirOf(shared.env)).toBe('/srv/hearth-shared/uploads');
    const local = serverSettings({ DATABASE_URL: 'file:/var/lib/hearth/hearth.db' });
    expect(local.ok && uploadsDirOf(local.env)).toBe('/var/lib/hearth/uploads');
    const withDataDir = serverSettings({ DATABASE_URL: 'postgres://hearth:pw@db.example.org:5432/hearth', AUTH_SECRET: 'x'.repeat(40), DATA_DIR: '/var/lib/hearth-a' });
    expect(withDataDir.ok && uploadsDirOf(withDataDir.env)).toBe('/var/lib/hearth-a/uploads');
    expect(serverSettings({ UPLOADS_DIR: 'shared/uploads' })).toEqual({
      ok: false,
      lines: [expect.stringMatching(/^\[hearth\] refusing to start: UPLOADS_DIR must be an absolute path to the folder every server of the site shares/)],
    });
  });
});
