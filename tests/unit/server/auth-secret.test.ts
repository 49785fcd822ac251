/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authSecretFile, resolveAuthSecret } from '../../../server/auth-secret';

describe('the auth secret', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-auth-secret-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is AUTH_SECRET when it is set, and then no file is written', () => {
    expect(resolveAuthSecret('x'.repeat(40), path.join(dir, 'data'))).toBe('x'.repeat(40));
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });

  it('is generated once in an owner-only file of a new data folder, then read back', () => {
    const data = path.join(dir, 'data');
    const log = jest.spyOn(console, 'log').mockImplementation(() => {});
    const first = resolveAuthSecret(undefined, data);
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.statSync(data).mode & 0o777).toBe(0o700);
    expect(fs.statSync(authSecretFile(data)).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(undefined, data)).toBe(first);
  });

  it('is the one already in the data folder (written by another process or a restore)', () => {
    fs.writeFileSync(authSecretFile(dir), 'kept-secret\n');
    expect(resolveAuthSecret(undefined, dir)).toBe('kept-secret');
  });
});
