/**
 * Data at rest is the owner's alone: with the usual umask (022), the built server and `npm run backup` leave the
 * data folder 0700 and the database, its -wal/-shm, the generated secret, uploads and backups 0600 (folders
 * 0700); and an install left with 0644 files in 0755 folders is tightened at the next start, with a log line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type App } from './support/app';
import { startServerExpectingFailure } from '../e2e/server';
import { createPerson, openDatabase } from './support/database';
import { modeOf, notOwnerOnly } from './support/file-modes';
import { runScript } from './support/scripts';
import { uploadImage } from './support/site-content';

/** As earlier versions left them: 0644 files in 0755 folders. */
function loosen(target: string) {
  const isDir = fs.statSync(target).isDirectory();
  fs.chmodSync(target, isDir ? 0o755 : 0o644);
  if (isDir) for (const name of fs.readdirSync(target)) loosen(path.join(target, name));
}

let root: string;
let data: string;
let app: App | undefined;
let umask: number;

beforeAll(() => {
  // What a server started by hand usually has; the servers and scripts below inherit it.
  umask = process.umask(0o022);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-modes-'));
  data = path.join(root, 'data');
});
afterAll(async () => {
  await app?.stop();
  process.umask(umask);
  fs.rmSync(root, { recursive: true, force: true });
});

/** The server's files, after it has written the database (so its -wal and -shm exist) and stored an image. */
async function startWithContent(env: Record<string, string> = {}): Promise<string> {
  app = await startServer({ databaseFile: path.join(data, 'hearth.db'), env });
  const db = openDatabase(app.databaseFile);
  const author = createPerson(db, 'author');
  db.close();
  await uploadImage(app.url, author);
  return app.output();
}

it('creates the data folder, database, -wal, -shm, secret and uploads owner-only, whatever the umask', async () => {
  // Created that way, not fixed afterwards: a fresh install has nothing to tighten.
  expect(await startWithContent()).not.toMatch(/made the data folder owner-only/);
  for (const name of ['hearth.db', 'hearth.db-wal', 'hearth.db-shm', 'auth-secret']) expect(fs.existsSync(path.join(data, name))).toBe(true);
  expect(fs.readdirSync(path.join(data, 'uploads'))).toHaveLength(1);
  expect(notOwnerOnly(data)).toEqual([]);
});

it('writes backups owner-only, in the data folder and anywhere else', async () => {
  const elsewhere = path.join(root, 'off-site', 'nightly');
  for (const args of [[], [elsewhere]]) expect(await runScript('backup', args, app!.databaseFile)).toMatchObject({ code: 0 });
  const [inDataFolder] = fs.readdirSync(path.join(data, 'backups'));
  expect(fs.readdirSync(path.join(data, 'backups', inDataFolder)).sort()).toEqual(['auth-secret', 'hearth.db', 'uploads']);
  expect(notOwnerOnly(path.join(data, 'backups'))).toEqual([]);
  expect(notOwnerOnly(elsewhere)).toEqual([]);
  expect(modeOf(path.join(root, 'off-site'))).toBe('700');
});

it('tightens an existing install at start and says what it changed', async () => {
  await app!.stop();
  loosen(data);
  expect(notOwnerOnly(data).length).toBeGreaterThan(5);

  const output = await startWithContent();
  expect(output).toMatch(/made the data folder owner-only \(folders 0700, files 0600\): \S+data 0755→0700, \S+data\/hearth\.db 0644→0600, .* and \d+ more/);
  expect(output.match(/made the data folder owner-only/g)).toHaveLength(1);
  expect(notOwnerOnly(data)).toEqual([]);
});

it('refuses an UPLOADS_DIR that is not there (a share not mounted), and keeps one outside the data folder owner-only', async () => {
  await app!.stop();
  const shared = path.join(root, 'shared-volume', 'uploads');
  const refused = await startServerExpectingFailure({ env: { DATABASE_URL: `file:${path.join(data, 'hearth.db')}`, UPLOADS_DIR: shared } });
  expect(refused.code).not.toBe(0);
  expect(refused.output).toContain(`UPLOADS_DIR ${shared} does not exist: mount the shared folder there`);
  expect(fs.existsSync(shared)).toBe(false);

  // Made by hand with the usual umask (0755), it is tightened at start, and so is what is written into it.
  fs.mkdirSync(shared, { recursive: true });
  const output = await startWithContent({ UPLOADS_DIR: shared });
  expect(output).toContain(`${shared} 0755→0700`);
  expect(fs.readdirSync(shared)).toHaveLength(1);
  expect(notOwnerOnly(shared)).toEqual([]);

  await app!.stop();
  loosen(shared);
  expect(await startWithContent({ UPLOADS_DIR: shared })).toMatch(new RegExp(`${shared}/\\S+ 0644→0600`));
  expect(notOwnerOnly(shared)).toEqual([]);
});
