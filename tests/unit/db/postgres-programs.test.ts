/**
 * PostgreSQL's programs (the test clusters' initdb and pg_ctl, the backups' pg_dump) are found where Debian puts
 * them (a versioned folder off PATH); with no PostgreSQL at all the message says how to install it, so the
 * PostgreSQL tests never skip quietly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin } from '@/db/postgres-programs';

let root: string;
const bin = (...parts: string[]) => {
  const dir = path.join(root, ...parts);
  fs.mkdirSync(dir, { recursive: true });
  for (const name of ['initdb', 'pg_ctl']) fs.writeFileSync(path.join(dir, name), '', { mode: 0o755 });
  return dir;
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-pgbin-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('findPostgresBin', () => {
  it('prefers initdb and pg_ctl on PATH', () => {
    const onPath = bin('local', 'bin');
    bin('debian', '15', 'bin');
    expect(findPostgresBin(['initdb', 'pg_ctl'], { searchPath: ['/nowhere', onPath].join(path.delimiter), debianRoot: path.join(root, 'debian') })).toBe(onPath);
  });

  it('falls back to the newest of Debian’s versioned folders, skipping one without pg_ctl', () => {
    bin('debian', '9.6', 'bin');
    const newest = bin('debian', '15', 'bin');
    fs.mkdirSync(path.join(root, 'debian', '16', 'bin'), { recursive: true });
    fs.writeFileSync(path.join(root, 'debian', '16', 'bin', 'initdb'), '');
    const halfOnPath = path.join(root, 'half');
    fs.mkdirSync(halfOnPath);
    fs.writeFileSync(path.join(halfOnPath, 'initdb'), '');
    expect(findPostgresBin(['initdb', 'pg_ctl'], { searchPath: halfOnPath, debianRoot: path.join(root, 'debian') })).toBe(newest);
  });

  it('fails saying how to install PostgreSQL when there is none', () => {
    expect(() => findPostgresBin(['initdb', 'pg_ctl'], { searchPath: path.join(root, 'empty'), debianRoot: path.join(root, 'missing') })).toThrow(
      /PostgreSQL's initdb and pg_ctl are not installed .*apt-get install -y postgresql/,
    );
  });
});
