/**
 * `npm run backup` while the server takes a write storm, then `npm run restore` into a fresh place:
 * the restored file is intact and holds every comment acknowledged before the backup began.
 * Restore refuses a damaged file, a database that a running server has open, and an uploads folder it cannot set aside.
 * A backup holds everything needed to come back: taken from a site whose uploads live in UPLOADS_DIR (outside its
 * data folder) and restored onto an empty data folder and another UPLOADS_DIR, a new server serves the uploaded
 * images, honours the unsubscribe links already emailed, and signs a member in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../e2e/browser';
import { submitEmail, whoAmI } from '../e2e/sign-in-steps';
import { readSignInEmail, startMailCatcher } from '../helpers/mail-catcher';
import { startServer, type App } from './support/app';
import { commentStorm, type StormResult } from './support/comments';
import { createPerson, integrityCheck, openDatabase, openPost } from './support/database';
import { runScript } from './support/scripts';
import { subscribeAndSchedulePost, uploadImage } from './support/site-content';

let app: App;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-backup-'));
  app = await startServer({ databaseFile: path.join(dir, 'live', 'hearth.db'), env: { COMMENT_FLOOD_LIMITS: 'off' } });
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('backs up a consistent copy mid-storm that restores intact with every earlier acknowledged comment', async () => {
  const setup = openDatabase(app.databaseFile);
  const post = openPost(setup);
  const members = Array.from({ length: 20 }, () => createPerson(setup));
  setup.close();

  const backupFile = path.join(dir, 'backups', 'mid-storm');
  let backupStartedAt = 0;
  let backup: Promise<{ code: number; output: string }> | undefined;
  let backupDone = false;
  const storm: StormResult = await commentStorm(app.url, post.id, members, {
    perMember: 300,
    tag: 'backup',
    // The storm goes on while the backup runs, and stops once it is done.
    shouldStop: () => backupDone,
    onAccepted(count) {
      if (count !== 200) return;
      backupStartedAt = Date.now();
      backup = runScript('backup', [backupFile], app.databaseFile).then((run) => {
        backupDone = true;
        return run;
      });
    },
  });
  const run = await backup!;
  expect(run).toMatchObject({ code: 0 });
  expect([...storm.answers.keys()].filter((s) => s >= 500)).toEqual([]);
  // Writes were acknowledged after the backup began too: it really ran under load.
  expect(storm.accepted.some((c) => c.at > backupStartedAt)).toBe(true);

  const restored = path.join(dir, 'restored', 'hearth.db');
  expect(await runScript('restore', [backupFile], restored)).toMatchObject({ code: 0 });
  const db = openDatabase(restored, { readonly: true });
  expect(integrityCheck(db)).toBe('ok');
  const stored = new Map((db.prepare('SELECT id, body FROM comments WHERE post_id = ?').all(post.id) as { id: number; body: string }[]).map((r) => [r.id, r.body]));
  db.close();
  const before = storm.accepted.filter((c) => c.at <= backupStartedAt);
  expect(before.length).toBeGreaterThanOrEqual(200);
  expect(before.filter((c) => stored.get(c.id) !== c.body)).toEqual([]);
});

it('refuses to restore over a database the running server has open, and keeps it untouched', async () => {
  const backupFile = path.join(dir, 'backups', 'for-refusal');
  expect(await runScript('backup', [backupFile], app.databaseFile)).toMatchObject({ code: 0 });
  const before = fs.statSync(app.databaseFile).ino;
  const run = await runScript('restore', [backupFile], app.databaseFile);
  expect(run.code).not.toBe(0);
  expect(run.output).toMatch(/Stop it first/);
  expect(fs.statSync(app.databaseFile).ino).toBe(before);
});

it('refuses to restore a damaged file', async () => {
  const damaged = path.join(dir, 'damaged.db');
  fs.copyFileSync(path.join(dir, 'backups', 'mid-storm', 'hearth.db'), damaged);
  const fd = fs.openSync(damaged, 'r+');
  // Overwrite a stretch of pages past the header.
  fs.writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, 8192);
  fs.closeSync(fd);
  const run = await runScript('restore', [damaged], path.join(dir, 'elsewhere', 'hearth.db'));
  expect(run.code).not.toBe(0);
  expect(run.output).toMatch(/Not restoring/);
  expect(fs.existsSync(path.join(dir, 'elsewhere', 'hearth.db'))).toBe(false);
});

it('refuses, changing nothing, to restore uploads into a mount point, which cannot be set aside', async () => {
  const target = path.join(dir, 'mount-point', 'hearth.db');
  const run = await runScript('restore', [path.join(dir, 'backups', 'for-refusal')], target, { UPLOADS_DIR: '/proc' });
  expect(run.code).not.toBe(0);
  expect(run.output).toMatch(/Not restoring: the uploads folder \/proc is a mount point, which cannot be set aside\. Set UPLOADS_DIR to a folder inside the mounted volume/);
  expect(fs.existsSync(target)).toBe(false);
});

it('restores the database, UPLOADS_DIR and secret onto an empty data folder: images, emailed links and sign-in work', async () => {
  const mail = await startMailCatcher();
  const browser = await launchBrowser();
  const servers: App[] = [];
  try {
    // The uploads live outside the data folder, where several servers would share them.
    const uploadsBefore = path.join(dir, 'shared-volume', 'uploads');
    fs.mkdirSync(uploadsBefore, { recursive: true });
    const site = await startServer({ databaseFile: path.join(dir, 'site', 'hearth.db'), env: { EMAIL_SERVER: mail.url, MAIL_PER_SECOND: '50', UPLOADS_DIR: uploadsBefore } });
    servers.push(site);
    const db = openDatabase(site.databaseFile);
    const author = createPerson(db, 'author', 'Robin');
    subscribeAndSchedulePost(db, 'reader@example.org');
    db.close();
    const image = await uploadImage(site.url, author);
    const imageBytes = Buffer.from(await (await fetch(`${site.url}${image}`)).arrayBuffer());
    const sent = await mail.waitFor('reader@example.org');
    const unsubscribe = sent.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.match(/<(\S+)>/)![1];

    const backup = path.join(dir, 'everything');
    expect(await runScript('backup', [backup], site.databaseFile, { UPLOADS_DIR: uploadsBefore })).toMatchObject({ code: 0 });
    await site.stop();
    expect(fs.readdirSync(path.join(backup, 'uploads')).sort()).toEqual(fs.readdirSync(uploadsBefore).sort());
    expect(fs.existsSync(path.join(dir, 'site', 'uploads'))).toBe(false);

    const emptyDataFolder = path.join(dir, 'new-machine', 'data');
    fs.mkdirSync(emptyDataFolder, { recursive: true });
    const uploadsAfter = path.join(dir, 'new-shared-volume', 'uploads');
    const restore = await runScript('restore', [backup], path.join(emptyDataFolder, 'hearth.db'), { UPLOADS_DIR: uploadsAfter });
    expect(restore).toMatchObject({ code: 0 });
    expect(restore.output).toContain(`Restored the uploads to ${uploadsAfter}.`);
    expect(fs.readdirSync(uploadsAfter).sort()).toEqual(fs.readdirSync(uploadsBefore).sort());
    expect(restore.output).toMatch(/Restored the auth secret/);

    const restored = await startServer({ databaseFile: path.join(emptyDataFolder, 'hearth.db'), env: { EMAIL_SERVER: mail.url, UPLOADS_DIR: uploadsAfter } });
    servers.push(restored);
    const served = await fetch(`${restored.url}${image}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(imageBytes)).toBe(true);

    // The link emailed by the old server, signed with its secret, works on the new one (RFC 8058 one-click).
    const oneClick = unsubscribe.replace(site.url, restored.url);
    const answer = await fetch(oneClick, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(answer.status).toBe(200);
    const check = openDatabase(restored.databaseFile, { readonly: true });
    expect(check.prepare('SELECT status FROM subscribers WHERE email = ?').get('reader@example.org')).toEqual({ status: 'unsubscribed' });
    check.close();

    // Sessions need not survive a restore; signing in afresh must work.
    const page = await browser.newPage();
    await page.goto(`${restored.url}/signin`);
    await submitEmail(page, author.email);
    const { code } = readSignInEmail(await mail.waitFor(author.email));
    await page.getByLabel('Code from the email').fill(code);
    await page.getByRole('button', { name: 'Sign in with this code' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    expect(await whoAmI(page)).toMatchObject({ name: 'Robin', role: 'author' });
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
    await mail.close();
  }
});
