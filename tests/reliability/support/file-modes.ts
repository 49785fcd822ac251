/** File modes as `ls -l` would show them, for checking that data at rest is the owner's alone. */
import fs from 'node:fs';
import path from 'node:path';

export const modeOf = (target: string) => (fs.statSync(target).mode & 0o777).toString(8);

/** Every folder and file under `root` (itself included) whose mode is not owner-only (0700 folders, 0600 files), with its mode. */
export function notOwnerOnly(root: string): string[] {
  const stat = fs.statSync(root);
  const wanted = stat.isDirectory() ? '700' : '600';
  const found = modeOf(root) === wanted ? [] : [`${root} ${modeOf(root)}`];
  if (stat.isDirectory()) for (const name of fs.readdirSync(root)) found.push(...notOwnerOnly(path.join(root, name)));
  return found;
}
