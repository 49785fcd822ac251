// `node scripts/check-engines.mjs`: fails when an installed runtime (non-dev) dependency declares an
// `engines.node` that the lowest Node version Hearth's package.json accepts does not satisfy. Such a
// package may load only by luck on a newer Node (sanitize-html 2.18 loaded on 20.20 through require(ESM)).
// Run by .ci/run, so an upgrade that quietly raises the Node floor fails CI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const root = process.cwd();
const declared = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines?.node;
const minimum = declared && semver.minVersion(declared);
if (!minimum) {
  console.error('package.json declares no usable engines.node range.');
  process.exit(1);
}

// Every installed package on a runtime path, one folder per line (the first line is the project itself).
const folders = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
  .split('\n')
  .filter((folder) => folder && path.resolve(folder) !== root);

const mismatches = [];
for (const folder of new Set(folders)) {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const wanted = manifest.engines?.node;
  if (wanted && !semver.satisfies(minimum, wanted, { includePrerelease: true })) mismatches.push(`${manifest.name}@${manifest.version} needs node ${wanted}`);
}

if (mismatches.length > 0) {
  console.error(`Runtime dependencies that do not run on node ${minimum} (package.json engines.node "${declared}"):`);
  for (const line of mismatches) console.error(`  ${line}`);
  console.error('Pin a release whose engines fit, or raise engines.node honestly.');
  process.exit(1);
}
console.log(`engines: all ${folders.length} runtime dependencies run on node ${minimum} (package.json engines.node "${declared}").`);
