/**
 * CPU time and memory of a server process and everything it spawned, read from /proc (Linux):
 * utime+stime of each process in the tree, VmHWM (peak resident memory) of each.
 */
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux build Node supports.

/** A process that ended between listing /proc and reading it; any other failure is a real error. */
const ended = (error: unknown) => ['ENOENT', 'ESRCH'].includes((error as NodeJS.ErrnoException).code ?? '');

function readStat(pid: number): { ppid: number; cpuTicks: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: parse after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
    const at = (field: number) => Number(fields[field - 3]);
    return { ppid: at(4), cpuTicks: at(14) + at(15) + at(16) + at(17) };
  } catch (error) {
    if (ended(error)) return null;
    throw error;
  }
}

/** The pid and all its descendants that are alive now. */
export function processTree(rootPid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) parents.set(stat.ppid, [...(parents.get(stat.ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of parents.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return tree;
}

/** CPU seconds used so far by the tree (user + system, waited-for children included). */
export function cpuSeconds(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => sum + (readStat(pid)?.cpuTicks ?? 0), 0) / TICKS_PER_SECOND;
}

function statusKb(pid: number, field: string): number {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return match ? Number(match[1]) : 0;
  } catch (error) {
    if (ended(error)) return 0;
    throw error;
  }
}

/** Peak resident memory of the tree in MB: the sum of each process's high-water mark. */
export function peakRssMb(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => sum + statusKb(pid, 'VmHWM'), 0) / 1024;
}

/**
 * Starts each process's high-water mark again from its current size (writing 5 to clear_refs),
 * so a target's peak is its own. Returns false where the kernel refuses; peaks are then since start.
 */
export function resetPeakRss(rootPid: number): boolean {
  try {
    for (const pid of processTree(rootPid)) fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch (error) {
    if (ended(error) || ['EACCES', 'EPERM', 'EINVAL'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}
