/**
 * The shipped systemd units (deploy/systemd/): valid for systemd itself (`systemd-analyze verify`, when the machine
 * has it), sandboxed as the README promises, and saying the same paths, user and commands as its "Deploying" section.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const unitsDir = path.join(root, 'deploy', 'systemd');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serverNodeArgs } = require('../../../server/node-args') as { serverNodeArgs(env: Record<string, string>): string[] };

type Unit = Record<string, Record<string, string[]>>;

/** Sections of a unit file, each key with every value it is given (comments and blank lines dropped). */
function parseUnit(file: string): Unit {
  const unit: Unit = {};
  let section = '';
  for (const line of fs.readFileSync(path.join(unitsDir, file), 'utf8').split('\n').map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1];
      unit[section] ??= {};
      continue;
    }
    const at = line.indexOf('=');
    (unit[section][line.slice(0, at)] ??= []).push(line.slice(at + 1));
  }
  return unit;
}

const one = (unit: Unit, key: string) => {
  const values = unit.Service[key] ?? [];
  if (values.length !== 1) throw new Error(`expected one ${key}, found ${values.length}`);
  return values[0];
};

const services = ['hearth.service', 'hearth-worker.service', 'hearth-backup.service'];
const web = parseUnit('hearth.service');
const dataFolder = one(web, 'ReadWritePaths');

it('ships the web server, the mail worker and a nightly backup timer', () => {
  expect(fs.readdirSync(unitsDir).sort()).toEqual(['hearth-backup.service', 'hearth-backup.timer', 'hearth-worker.service', 'hearth.service']);
  expect(parseUnit('hearth-backup.timer').Timer).toMatchObject({ OnCalendar: [expect.stringMatching(/^\*-\*-\* \d\d:\d\d/)], Persistent: ['true'] });
});

it.each(services)('runs %s unprivileged and sandboxed, writing to the data folder only', (file) => {
  const unit = parseUnit(file);
  expect(one(unit, 'User')).toBe('hearth');
  expect(unit.Service).toMatchObject({
    ProtectSystem: ['strict'],
    ProtectHome: ['yes'],
    PrivateTmp: ['yes'],
    NoNewPrivileges: ['yes'],
    UMask: ['0077'],
    ReadWritePaths: [dataFolder],
    EnvironmentFile: ['/etc/hearth/hearth.env'],
  });
  if (file !== 'hearth-backup.service') expect(unit.Service.Restart).toEqual(['on-failure']);
});

it("starts the web server the way `npm start` does in production, leaving mail to the worker's `npm run worker`", () => {
  expect(one(web, 'ExecStart')).toBe(`/usr/bin/node ${serverNodeArgs({}).join(' ')} server/index.js`);
  expect(one(web, 'Environment').split(' ')).toContain('MAIL_WORKER=off');
  const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
  expect(one(parseUnit('hearth-worker.service'), 'ExecStart')).toBe('/usr/bin/npm run worker');
  expect(one(parseUnit('hearth-backup.service'), 'ExecStart')).toBe('/usr/bin/npm run backup');
  expect(scripts).toHaveProperty('worker');
  expect(scripts).toHaveProperty('backup');
});

it.each(services)('agrees with the README "Deploying" section: %s', (file) => {
  const unit = parseUnit(file);
  const deploying = readme.slice(readme.indexOf('## Deploying'), readme.indexOf('\n## ', readme.indexOf('## Deploying') + 1));
  expect(deploying).toContain(`| \`${file}`);
  expect(deploying).toContain(`\`${one(unit, 'ExecStart')}\``);
  for (const key of ['User', 'WorkingDirectory', 'EnvironmentFile', 'ReadWritePaths']) expect(deploying).toContain(`\`${key}=${one(unit, key)}\``);
  // The database the README's settings name lies in the one writable folder.
  expect(deploying).toContain(`DATABASE_URL=file:${dataFolder}/hearth.db`);
  expect(deploying).toContain(`git clone <the Hearth repository> ${one(unit, 'WorkingDirectory')}`);
});

const analyze = spawnSync('systemd-analyze', ['--version']).status === 0;
if (!analyze) console.warn('systemd-analyze is not installed: the `systemd-analyze verify` check of deploy/systemd is skipped (apt-get install systemd).');
(analyze ? it : it.skip)(`passes systemd-analyze verify without a warning${analyze ? '' : ' (skipped: systemd-analyze is not installed)'}`, () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-units-'));
  try {
    for (const file of fs.readdirSync(unitsDir)) fs.copyFileSync(path.join(unitsDir, file), path.join(copy, file));
    const files = fs.readdirSync(copy).map((file) => path.join(copy, file));
    const run = spawnSync('systemd-analyze', ['verify', '--man=no', ...files], { encoding: 'utf8' });
    expect({ status: run.status, output: `${run.stdout}${run.stderr}`.trim() }).toEqual({ status: 0, output: '' });
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

it('has no unit that names a path outside what the README sets up', () => {
  const named = execFileSync('grep', ['-ohE', '/(srv|var|etc)/[a-z/.-]+', ...fs.readdirSync(unitsDir).map((f) => path.join(unitsDir, f))], { encoding: 'utf8' });
  for (const found of new Set(named.split('\n').filter(Boolean))) expect(readme).toContain(found);
});
