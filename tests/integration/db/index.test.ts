import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseOpenError, openDatabase } from '@/db/index';

describe('opening the database', () => {
  it('creates a missing folder, turns on WAL and foreign keys, and migrates', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-open-'));
    const file = path.join(dir, 'nested', 'folder', 'hearth.db');
    const db = openDatabase(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(db.$client.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    expect(db.$client.prepare("select name from sqlite_master where name = 'posts'").get()).toBeTruthy();
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a path that cannot be created, naming it in one clear message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-open-'));
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'a file where a folder should be');
    const file = path.join(blocker, 'hearth.db');
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file)).toThrow(`Cannot open the database at ${file}`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
