/**
 * A throwaway Redis server for one test file: Debian's redis-server on 127.0.0.1 and a free port, keeping
 * nothing on disk. `stop()` and `start()` take it down and bring it back on the same port (an outage, as a
 * test sees it), `freeze()` and `thaw()` stall and resume it; the process's exit stops it if a test never got that far. No redis-server installed: start
 * fails saying so (.ci/run installs it), it never skips.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePort } from '../e2e/server';

export type RedisServer = {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Brings a stopped server back on the same port (empty: it keeps nothing). */
  start: () => Promise<void>;
  /** Stops the server (SIGKILL: an outage, not a shutdown); safe to call twice. */
  stop: () => Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open and nothing answers, as a stalled server; `thaw` resumes it. */
  freeze: () => void;
  thaw: () => void;
};

export const REDIS_SERVER = '/usr/bin/redis-server';

/** Resolves once something accepts connections on the port, or rejects after `timeoutMs`. */
async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(true));
      socket.once('error', () => resolve(false));
      socket.setTimeout(500, () => resolve(false));
    }).catch(() => false);
    if (open) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startRedis(): Promise<RedisServer> {
  if (spawnSync(REDIS_SERVER, ['--version']).error) throw new Error(`${REDIS_SERVER} is not installed (Debian's redis-server package; .ci/run installs it)`);
  const port = await freePort();
  let child: ChildProcess | null = null;
  const killNow = () => child?.kill('SIGKILL');
  process.once('exit', killNow);

  async function start() {
    if (child) return;
    const started = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
    child = started;
    started.once('exit', () => {
      if (child === started) child = null;
    });
    await waitForPort(port, 10_000);
  }

  async function stop() {
    const running = child;
    if (!running) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  }

  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop, freeze: () => child?.kill('SIGSTOP'), thaw: () => child?.kill('SIGCONT') };
}
