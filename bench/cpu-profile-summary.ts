/**
 * `node --import tsx bench/cpu-profile-summary.ts <file.cpuprofile> [count]`: where a `node --cpu-prof`
 * profile spent its time: the top functions by self time, and self time summed per package.
 * For the server under load: start it with NODE_OPTIONS="--cpu-prof --cpu-prof-dir=<folder>", drive
 * one target, stop it with SIGTERM (the profile is written on exit).
 */
import fs from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, countArgument] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/cpu-profile-summary.ts <file.cpuprofile> [count]');
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;

// Self time per node: each sample's time delta belongs to the node it hit.
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = [...selfMs.values()].reduce((a, b) => a + b, 0);

const packageOf = (url: string) => {
  if (!url) return '(native/idle)';
  const match = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (match) return match[1];
  if (url.startsWith('node:')) return 'node core';
  return url.includes('/.next/') ? '.next (app bundle)' : url.replace(/^file:\/\//, '');
};

const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const ms = selfMs.get(node.id) ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  const name = `${functionName || '(anonymous)'}  ${packageOf(url)}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  byPackage.set(packageOf(url), (byPackage.get(packageOf(url)) ?? 0) + ms);
}

const show = (title: string, entries: Map<string, number>, count: number) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(1)} s sampled)`);
  for (const [name, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${((ms / total) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
};
show('top functions by self time', byFunction, Number(countArgument ?? 25));
show('self time by package', byPackage, 12);
