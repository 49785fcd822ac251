/** @jest-environment node */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { worthCompressing } from '../../../server/compression-rule';

const answer = (headers: Record<string, string | undefined>) => ({ getHeader: (name: string) => headers[name.toLowerCase()] }) as unknown as ServerResponse;
const request = { headers: { 'accept-encoding': 'gzip' } } as unknown as IncomingMessage;

it.each([
  { kind: 'a page', headers: { 'content-type': 'text/html; charset=utf-8' }, gzipped: true },
  { kind: 'a feed', headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, gzipped: true },
  { kind: "Next's navigation payload", headers: { 'content-type': 'text/x-component' }, gzipped: true },
  { kind: 'a JSON answer', headers: { 'content-type': 'application/json' }, gzipped: false },
  { kind: 'a JSON download (an export)', headers: { 'content-type': 'application/json', 'content-disposition': 'attachment; filename="hearth-my-data.json"' }, gzipped: true },
  { kind: 'an image (already compressed)', headers: { 'content-type': 'image/webp' }, gzipped: false },
])('$kind: gzipped $gzipped', ({ headers, gzipped }) => {
  expect(worthCompressing(request, answer(headers))).toBe(gzipped);
});
