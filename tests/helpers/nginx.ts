/**
 * A private nginx in front of a running app, built from the production file deploy/nginx/hearth.conf:
 * only its "site-specific" blocks are replaced (one or several local app ports, the matching site host, a temporary
 * cache folder, no TLS), so what the benchmark and the tests measure is the shipped configuration.
 * Non-daemon, everything (pid, logs, cache, temp files) in a temporary folder, stopped and removed by `stop()`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../e2e/server';

export const configFile = path.join(__dirname, '..', '..', 'deploy', 'nginx', 'hearth.conf');
const candidates = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'];

const findNginx = () => candidates.find((file) => fs.existsSync(file)) ?? null;

/**
 * The nginx binary, installed from Debian's packages when missing (as root). Returns the reason
 * instead when it cannot be had, so callers can skip with a clear message.
 */
export function ensureNginx(log: (line: string) => void = console.log): { binary: string } | { unavailable: string } {
  const found = findNginx();
  if (found) return { binary: found };
  if (process.getuid?.() !== 0) return { unavailable: 'nginx is not installed and installing it needs root (apt-get install -y nginx)' };
  log('nginx is missing: installing it from Debian’s packages (apt-get install -y nginx)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let install = spawnSync('apt-get', ['install', '-y', 'nginx'], { env, encoding: 'utf8' });
  if (install.status !== 0) {
    // A fresh machine may not have package lists yet.
    spawnSync('apt-get', ['update'], { env, encoding: 'utf8' });
    install = spawnSync('apt-get', ['install', '-y', 'nginx'], { env, encoding: 'utf8' });
  }
  const installed = findNginx();
  if (installed) return { binary: installed };
  return { unavailable: `apt-get install -y nginx failed: ${(install.stderr || install.error?.message || '').trim().split('\n').slice(-3).join(' ')}` };
}

type Replacements = Record<'cache' | 'upstream' | 'host' | 'redirect' | 'listen' | 'views', (block: string) => string>;

/** deploy/nginx/hearth.conf with each `# >>> site-specific: NAME` … `# <<< site-specific: NAME` block rewritten. */
export function renderHearthConfig(replace: Replacements): string {
  let text = fs.readFileSync(configFile, 'utf8');
  for (const [name, rewrite] of Object.entries(replace)) {
    const block = new RegExp(`[ \\t]*# >>> site-specific: ${name}\\n([\\s\\S]*?)[ \\t]*# <<< site-specific: ${name}\\n`);
    const match = text.match(block);
    if (!match) throw new Error(`deploy/nginx/hearth.conf has no "site-specific: ${name}" block`);
    text = text.replace(block, () => rewrite(match[1]));
  }
  return text;
}

export type RunningNginx = { url: string; port: number; pid: number; dir: string; stop(): Promise<void>; errorLog(): string };

type NginxOptions = {
  /** The 127.0.0.1 port to listen on (a free one when absent): reserve it first when the app's SITE_URL must name it. */
  port?: number;
  timeoutMs?: number;
  /** The app's NGINX_VIEWS_LOG: where this nginx writes the views its micro-cache answers (nowhere when absent). */
  viewsLog?: string;
};

/**
 * The upstream block's shipped `server` line (its parameters: max_fails, fail_timeout) once per local port,
 * in the order given: one app instance, or several behind the one proxy.
 */
export function upstreamServers(block: string, ports: number[]): string {
  const line = block.match(/^([ \t]*server )\S+( [^;\n]*)?;\n/m);
  if (!line) throw new Error('the "site-specific: upstream" block of deploy/nginx/hearth.conf has no `server` line');
  return ports.map((port) => `${line[1]}127.0.0.1:${port}${line[2] ?? ''};\n`).join('');
}

/**
 * Starts nginx with the shipped configuration on 127.0.0.1, proxying to the app on `upstreamPort`, or to every
 * instance of it when given several ports. The site is `http://localhost:<port>`, the address a browser uses,
 * so that is the host the app receives.
 */
export async function startNginx(binary: string, upstreamPort: number | number[], { port: wanted, timeoutMs = 15_000, viewsLog }: NginxOptions = {}): Promise<RunningNginx> {
  const port = wanted ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-nginx-'));
  const site = renderHearthConfig({
    cache: (block) => block.replace('/var/cache/nginx/hearth', path.join(dir, 'cache')),
    upstream: (block) => upstreamServers(block, [upstreamPort].flat()),
    host: () => `    set $hearth_site_host localhost:${port};\n`,
    redirect: () => '',
    listen: () => `    listen 127.0.0.1:${port};\n    server_name localhost;\n`,
    // The usual log into the temporary folder, and the views log only when asked for.
    views: (block) =>
      block
        .replace('/var/log/nginx/access.log', `${path.join(dir, 'access.log')} combined buffer=64k flush=1s`)
        .replace(/^.*\/var\/log\/nginx\/hearth-views\.log.*\n/m, (line) => (viewsLog ? line.replace('/var/log/nginx/hearth-views.log', viewsLog) : '')),
  });
  fs.writeFileSync(path.join(dir, 'hearth.conf'), site);
  const temp = (name: string) => path.join(dir, name);
  // The wrapper an nginx package provides (nginx.conf), reduced to what this instance needs.
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes auto;',
      `pid ${temp('nginx.pid')};`,
      `error_log ${temp('error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  sendfile on;',
      // autocannon reuses a connection after nginx's `Connection: close` (keepalive_requests, default 1000)
      // and counts an error; browsers do not, so this wrapper lets connections live on.
      '  keepalive_requests 1000000;',
      `  access_log ${temp('access.log')} combined buffer=64k flush=1s;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${temp(kind)};`),
      `  include ${temp('hearth.conf')};`,
      '}',
    ].join('\n'),
  );
  const child = spawn(binary, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errorLog = () => output + (fs.existsSync(temp('error.log')) ? fs.readFileSync(temp('error.log'), 'utf8') : '');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const log = errorLog();
      await stop();
      throw new Error(`nginx exited with ${child.exitCode}:\n${log}`);
    }
    try {
      await fetch(`http://127.0.0.1:${port}/robots.txt`);
      return { url: `http://localhost:${port}`, port, pid: child.pid!, dir, stop, errorLog };
    } catch {
      await new Promise((r) => setTimeout(r, 100)); // Not listening yet.
    }
  }
  await stop();
  throw new Error(`nginx did not answer within ${timeoutMs} ms`);
}
