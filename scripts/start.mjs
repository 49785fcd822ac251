// `npm start`: builds the app when there is no build or the sources are newer, then serves it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';

const root = process.cwd();
buildIfStale(root);

// next start reads PORT itself (default 3000).
const server = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
