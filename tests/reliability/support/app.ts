/**
 * The built app under test: started on a free port with its own database (tests/e2e/server.js), plus the
 * process that actually listens on that port, so a crash test kills the server itself and not a wrapper.
 */
import fs from 'node:fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer, freePort } = require('../../e2e/server') as {
  startServer(options?: { databaseFile?: string; env?: Record<string, string> }): Promise<App>;
  freePort(): Promise<number>;
};

/**
 * `databaseUrl` is what the server runs on: its SQLite file, or a PostgreSQL database (`databaseFile` is then a path
 * nothing is written to); `dataDir` holds its uploads, imports and auth secret.
 */
export type App = { url: string; port: number; databaseFile: string; databaseUrl: string; dataDir: string; pid: number; stop(): Promise<void>; output(): string };

export { startServer, freePort };

/** Socket inodes listening on a TCP port (IPv4 and IPv6), from /proc/net. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN.
      if (cols.length > 9 && cols[3] === '0A' && Number.parseInt(cols[1].split(':')[1], 16) === port) inodes.add(cols[9]);
    }
  }
  return inodes;
}

/** The PID of the process that holds the listening socket on `port` (Linux /proc). */
export function listeningPid(port: number): number {
  const inodes = listeningInodes(port);
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // Gone, or not ours to read.
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match && inodes.has(match[1])) return Number(pid);
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  throw new Error(`No process listens on port ${port}`);
}

/** Resolves once a process no longer exists. */
export async function waitForExit(pid: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Process ${pid} still runs after ${timeoutMs} ms`);
}
