import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { posts } from '@/db/schema';
import { writeWxr } from '../../helpers/wordpress-import-wxr';

jest.setTimeout(60_000);
const exec = promisify(execFile);

/** `npm run import:wordpress -- …` as a volunteer runs it, against this test's database. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('npm', ['run', '-s', 'import:wordpress', '--', ...args], { env: { ...process.env, INTERNAL_URL: 'http://127.0.0.1:9' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => getDb()); // creates and migrates the database file the child process opens

it('imports an export, printing progress on stderr and the report on stdout', async () => {
  const file = writeWxr({ items: [{ id: '1', slug: 'from-the-cli', title: 'From the CLI' }] });
  const dry = await cli([file, '--dry-run']);
  expect(dry.code).toBe(0);
  expect(dry.stdout).toMatch(/Dry run/);
  expect((await getDb().select().from(posts).where(eq(posts.slug, 'from-the-cli')))[0]).toBeUndefined();

  const result = await cli([file]);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/post\s+1\s+0\s+0/);
  expect(result.stderr).toMatch(/100%/);
  expect((await getDb().select().from(posts).where(eq(posts.slug, 'from-the-cli')))[0]!.title).toBe('From the CLI');
});

it('exits 1 with the reason (no stack trace) for a file that is not an export, and 2 for bad usage', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-wxr-'));
  fs.writeFileSync(path.join(dir, 'notes.xml'), 'just some notes, not XML');
  const bad = await cli([path.join(dir, 'notes.xml')]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/The export cannot be imported: /);
  expect(bad.stderr).not.toMatch(/\n\s+at /);
  expect((await cli([])).code).toBe(2);
  expect((await cli(['a.xml', '--bogus'])).code).toBe(2);
});
