/**
 * Calling server actions over HTTP the way the browser's router does: a POST with the action's id in the
 * `Next-Action` header and the arguments encoded by React's own `encodeReply`. Ids come from the build's
 * server-reference manifest, so the suite follows the app as it is built.
 */
import fs from 'node:fs';
import path from 'node:path';
import { oneShot } from './one-shot';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node') as { encodeReply(value: unknown): Promise<FormData | string> };

type Manifest = { node: Record<string, { exportedName: string; workers: Record<string, unknown> }> };
type ActionRef = { id: string; path: string };

let refs: Map<string, ActionRef> | undefined;

/**
 * A page that bundles the action, e.g. `app/(account)/account/page` → `/account` (dynamic segments get a
 * placeholder). Posting there runs the action in that page's own worker: posted anywhere else, Next
 * forwards it internally and the forwarded answer's status is not the action's.
 */
function pagePath(worker: string): string {
  const route = worker
    .replace(/^app/, '')
    .replace(/\/page$/, '')
    .replace(/\/\([^)]*\)/g, '')
    .replace(/\[[^\]]+\]/g, '_');
  return route === '' ? '/' : route;
}

/** Every server action the build knows, by exported name. */
export function actionRefs(): Map<string, ActionRef> {
  if (!refs) {
    const file = path.resolve(__dirname, '..', '..', '..', '.next', 'server', 'server-reference-manifest.json');
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    refs = new Map(
      Object.entries(manifest.node).map(([id, entry]) => {
        const workers = Object.keys(entry.workers);
        const worker = workers.find((w) => !w.includes('[')) ?? workers[0];
        return [entry.exportedName, { id, path: pagePath(worker) }];
      }),
    );
  }
  return refs;
}

export type ActionAnswer = { status: number; result: Record<string, unknown> | null; redirect: string | null; text: string };

/** The action's return value from the RSC answer: the row whose value is an object with `ok`. */
function readResult(text: string): Record<string, unknown> | null {
  for (const line of text.split('\n')) {
    const match = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!match) continue;
    try {
      const value = JSON.parse(match[1]);
      if (value && typeof value === 'object' && 'ok' in value) return value;
    } catch {
      // Another kind of row.
    }
  }
  return null;
}

/** Builds a FormData from plain fields (arrays repeat the name, as checkboxes do). */
export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

/** Other headers, another page to post to, or another client address (see oneShot) for one call. */
export type CallOptions = { headers?: Record<string, string>; path?: string; localAddress?: string };

/** Calls an action with already-encoded arguments, or with raw bytes (for malformed encodings). */
export async function callActionRaw(baseUrl: string, name: string, body: BodyInit, cookie?: string, contentType?: string, options: CallOptions = {}): Promise<ActionAnswer> {
  const ref = actionRefs().get(name);
  if (!ref) throw new Error(`No server action named ${name} in the build`);
  const answer = await oneShot(`${baseUrl}${options.path ?? ref.path}`, {
    method: 'POST',
    headers: { 'Next-Action': ref.id, Accept: 'text/x-component', ...(cookie ? { Cookie: cookie } : {}), ...(contentType ? { 'Content-Type': contentType } : {}), ...options.headers },
    body,
    localAddress: options.localAddress,
  });
  const redirect = answer.headers['x-action-redirect'];
  return { status: answer.status, result: readResult(answer.text), redirect: typeof redirect === 'string' ? redirect : null, text: answer.text };
}

/** Calls an action with its arguments, e.g. `[previousState, formData]` or `[commentId, 'approve']`. */
export async function callAction(baseUrl: string, name: string, args: unknown[], cookie?: string): Promise<ActionAnswer> {
  return callActionRaw(baseUrl, name, (await encodeReply(args)) as BodyInit, cookie);
}

/** A form action (`(previousState, formData)`), the shape every form in the app posts. */
export const submitForm = async (baseUrl: string, name: string, fields: Record<string, string | string[]>, cookie?: string, options?: CallOptions) =>
  callActionRaw(baseUrl, name, (await encodeReply([{ ok: false }, form(fields)])) as BodyInit, cookie, undefined, options);
