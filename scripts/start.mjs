// @ts-check
// `npm start`: builds the app when there is no build or the sources are newer, then serves it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import nodeArgs from '../server/node-args.js';

const root = process.cwd();
buildIfStale(root);

// The server inherits it: anything it creates (the data folder above all) is the owner's alone from the start.
process.umask(0o077);

// Hearth's server (Next's handler plus security headers, CSP nonces and logs) reads PORT and HOST.
const server = spawn(process.execPath, [...nodeArgs.serverNodeArgs(), path.join(root, 'server', 'index.js')], { stdio: 'inherit' });
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
