/** One same-origin check for every `next` and `callbackUrl`: tricky values never leave the site. */
import { safeCallbackPath } from '@/lib/safe-redirect';

const site = 'http://localhost:3000';

/** What a browser makes of a Location header: the same host, or another one. */
const staysOnSite = (path: string) => new URL(path, site).origin === new URL(site).origin;

const kept: [string | undefined, string][] = [
  [undefined, '/'],
  ['', '/'],
  ['/posts/hello?x=1#comments', '/posts/hello?x=1#comments'],
  ['http://localhost:3000/account', '/account'],
  ['posts/x', '/posts/x'],
  ['/a/../b', '/b'],
  ['?q=1', '/?q=1'],
  ['/welcome?next=//evil.example', '/welcome?next=//evil.example'],
  // Same scheme without slashes is a relative path, not a host.
  ['http:evil.example', '/evil.example'],
  // Encoded slashes and backslashes stay encoded: a path on this site, never read as a host.
  ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ['%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ['/%5Cevil.example', '/%5Cevil.example'],
  ['/%5C%5Cevil.example', '/%5C%5Cevil.example'],
  // Look-alike slashes are just characters of a path.
  ['／／evil.example', '/%EF%BC%8F%EF%BC%8Fevil.example'],
  ['/\u2215evil.example', '/%E2%88%95evil.example'],
];

const refused = [
  '//evil.example',
  '//evil.example/x',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/.//evil.example',
  '/..//evil.example',
  '/./..//evil.example',
  '/a/..//evil.example',
  '/%2e//evil.example',
  '/%2E%2E//evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '\t//evil.example',
  '/ok\r\nLocation: x',
  '/\u0000/evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'http://evil.example',
  'https://evil.example/',
  'HTTPS://EVIL.EXAMPLE/',
  'https:evil.example',
  'https:/evil.example',
  'http:///evil.example',
  'http:\\\\evil.example',
  'ftp://evil.example',
  'http://localhost:3001/',
  'http://localhost:3000@evil.example/',
  'https://localhost:3000/',
];

describe('safeCallbackPath', () => {
  it.each(kept)('keeps %j on this site as %j', (input, expected) => expect(safeCallbackPath(input, site)).toBe(expected));

  it.each(refused)('refuses %j', (input) => expect(safeCallbackPath(input, site)).toBeNull());

  it.each([...kept.map(([input]) => input), ...refused])('%j gives nothing a browser reads as another host', (input) => {
    const path = safeCallbackPath(input, site);
    if (path === null) return;
    expect(path).toMatch(/^\/(?![/\\])/);
    // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
    expect(path).not.toMatch(/[\u0000-\u001f\\]/);
    expect(staysOnSite(path)).toBe(true);
  });
});
