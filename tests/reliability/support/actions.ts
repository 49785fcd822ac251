/**
 * Calling server actions over HTTP the way the browser's router does: a POST with the action's id in the
 * `Next-Action` header and the arguments encoded by React's own `encodeReply`. Ids come from the build's
 * server-reference manifest, so the suite follows the app as it is built.
 */
import fs from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node') as { encodeReply(value: unknown): Promise<FormData | string> };

type Manifest = { node: Record<string, { exportedName: string; filename: string }> };

let ids: Map<string, string> | undefined;

/** Every server action the build knows, by exported name. */
export function actionIds(): Map<string, string> {
  if (!ids) {
    const file = path.resolve(__dirname, '..', '..', '..', '.next', 'server', 'server-reference-manifest.json');
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    ids = new Map(Object.entries(manifest.node).map(([id, entry]) => [entry.exportedName, id]));
  }
  return ids;
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

/** Calls an action with already-encoded arguments, or with raw bytes (for malformed encodings). */
export async function callActionRaw(baseUrl: string, name: string, body: BodyInit, cookie?: string, contentType?: string): Promise<ActionAnswer> {
  const id = actionIds().get(name);
  if (!id) throw new Error(`No server action named ${name} in the build`);
  const response = await fetch(`${baseUrl}/`, {
    method: 'POST',
    headers: { 'Next-Action': id, Accept: 'text/x-component', ...(cookie ? { Cookie: cookie } : {}), ...(contentType ? { 'Content-Type': contentType } : {}) },
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  return { status: response.status, result: readResult(text), redirect: response.headers.get('x-action-redirect'), text };
}

/** Calls an action with its arguments, e.g. `[previousState, formData]` or `[commentId, 'approve']`. */
export async function callAction(baseUrl: string, name: string, args: unknown[], cookie?: string): Promise<ActionAnswer> {
  return callActionRaw(baseUrl, name, (await encodeReply(args)) as BodyInit, cookie);
}

/** A form action (`(previousState, formData)`), the shape every form in the app posts. */
export const submitForm = (baseUrl: string, name: string, fields: Record<string, string | string[]>, cookie?: string) =>
  callAction(baseUrl, name, [{ ok: false }, form(fields)], cookie);
