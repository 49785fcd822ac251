/**
 * Where PostgreSQL's programs are: PATH first, else the newest of Debian's versioned folders
 * (/usr/lib/postgresql/<version>/bin), which are not on PATH. Throws saying how to install them.
 */
import fs from 'node:fs';
import path from 'node:path';

type Places = { searchPath?: string; debianRoot?: string };

export function findPostgresBin(programs: string[], { searchPath = process.env.PATH ?? '', debianRoot = '/usr/lib/postgresql' }: Places = {}): string {
  const hasAll = (dir: string) => programs.every((name) => fs.existsSync(path.join(dir, name)));
  const fromPath = searchPath.split(path.delimiter).find((dir) => dir && hasAll(dir));
  if (fromPath) return fromPath;
  const versions = fs.existsSync(debianRoot) ? fs.readdirSync(debianRoot).filter((version) => hasAll(path.join(debianRoot, version, 'bin'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length > 0) return path.join(debianRoot, versions[0], 'bin');
  throw new Error(`PostgreSQL's ${programs.join(' and ')} are not installed (neither on PATH nor in ${debianRoot}/*/bin): apt-get install -y postgresql`);
}
