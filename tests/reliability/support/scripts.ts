/** Runs one of the project's npm scripts as an operator would, with its own DATABASE_URL (and any other settings in `env`). */
import { execFile } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

export type ScriptRun = { code: number; output: string };

export function runScript(name: string, args: string[], databaseFile: string, env: Record<string, string> = {}): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '-s', name, '--', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}
