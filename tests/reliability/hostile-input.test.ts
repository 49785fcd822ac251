/**
 * Hostile input against every form, action and route over real HTTP: XSS vectors, SQL-looking strings,
 * CR/LF injection, NUL and invalid UTF-8, over-long fields, malformed JSON and form encodings, huge
 * bodies, and arguments of the wrong type for every server action. No answer may be a 5xx, a refused
 * request may store nothing, and no stored or echoed payload may come back as live markup on any page.
 */
import type { SiteDatabase } from '../helpers/site-database';
import { actionRefs, callAction, callActionRaw, submitForm, type ActionAnswer } from './support/actions';
import type { App } from './support/app';
import { postComment } from './support/comments';
import { oneShot } from './support/one-shot';
import type { Person } from './support/database';
import { addApprovedComment, addPerson, countOf, openPostOf, startSite, type Site } from './support/site';
import { headerInjection, hostileStrings, overLong, sqlPayloads, unreadable, unsafeMarkup, xssPayloads } from './fixtures/hostile-strings';

let site: Site;
let app: App;
let db: SiteDatabase;
let admin: Person;
let commenter: Person;
let post: { id: number; slug: string };
let reportable: number;
const createdPosts: number[] = [];
const createdPageSlugs: string[] = [];

type Outcome = { status: number; stored: boolean };
type Case = { name: string; run: () => Promise<Outcome> };

/** Everything a request could write (rate-limit bookkeeping aside). */
async function snapshot(): Promise<string> {
  const tables = ['comments', 'comment_reports', 'posts', 'pages', 'subscribers', 'users', 'sessions', 'verification_tokens', 'uploads', 'outbox', 'tags', 'thread_mutes', 'categories', 'menu_items'];
  const counts: number[] = [];
  for (const table of tables) counts.push(await countOf(db, `SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`));
  const settings = await db.all('SELECT * FROM site_settings');
  const names = await db.all('SELECT name, role, reply_notifications, commenting_blocked FROM users ORDER BY id');
  const postRows = await db.all('SELECT title, body, status FROM posts ORDER BY id');
  return JSON.stringify([counts, settings, names, postRows]);
}

const viaAction = (answer: ActionAnswer): Outcome => ({ status: answer.status, stored: answer.result?.ok === true || (answer.result === null && answer.redirect !== null) });
const sample = <T>(list: T[], every: number) => list.filter((_, i) => i % every === 0);
const short = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s);

function commentRouteCases(): Case[] {
  const asComment = hostileStrings.map((body): Case => ({ name: `comment route: body ${short(body)}`, run: async () => viaComment(await postComment(app.url, post.id, commenter, { body })) }));
  const asNote = [...headerInjection, ...unreadable, ...sample(xssPayloads, 6).map((x) => x.payload), overLong[0]].map((contentNote): Case => ({
    name: `comment route: contentNote ${short(contentNote)}`,
    run: async () => viaComment(await postComment(app.url, post.id, commenter, { body: 'A fine comment.', contentNote })),
  }));
  const raw: [string, string | Uint8Array, string][] = [
    ['truncated JSON', '{"body": "x"', 'application/json'],
    ['JSON array', '["body"]', 'application/json'],
    ['JSON null', 'null', 'application/json'],
    ['JSON string', '"body"', 'application/json'],
    ['body is a number', '{"body": 42}', 'application/json'],
    ['body is an object', '{"body": {"$gt": ""}}', 'application/json'],
    ['body is an array', '{"body": ["a", "b"]}', 'application/json'],
    ['parentId is SQL', `{"body": "x", "parentId": ${JSON.stringify(sqlPayloads[1])}}`, 'application/json'],
    ['parentId negative', '{"body": "x", "parentId": -1}', 'application/json'],
    ['parentId huge', '{"body": "x", "parentId": 1e309}', 'application/json'],
    ['parentId of another post', '{"body": "x", "parentId": 999999999}', 'application/json'],
    ['honeypot filled', '{"body": "x", "website": "http://spam.example"}', 'application/json'],
    ['__proto__ pollution', '{"__proto__": {"ok": true}, "constructor": {"prototype": {"x": 1}}, "body": "proto"}', 'application/json'],
    ['invalid UTF-8 bytes', Uint8Array.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]), 'application/json'],
    ['overlong UTF-8 NUL', Uint8Array.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xc0, 0x80, 0x22, 0x7d]), 'application/json'],
    ['UTF-16 body', new Uint8Array(Buffer.from('{"body":"utf16"}', 'utf16le')), 'application/json'],
    ['escaped NUL in JSON', '{"body": "a\\u0000b"}', 'application/json'],
    ['deeply nested JSON', `{"body": "x", "n": ${'['.repeat(5000)}${']'.repeat(5000)}}`, 'application/json'],
    ['form encoding', 'body=hello&postId=1', 'application/x-www-form-urlencoded'],
    ['form encoding sent as JSON', 'body=hello&postId=1', 'application/json'],
    ['text/plain', '{"body": "x"}', 'text/plain'],
    ['multipart without boundary', '{"body": "x"}', 'multipart/form-data'],
    ['just over 64 KB', JSON.stringify({ body: 'x'.repeat(70_000) }), 'application/json'],
    ['2 MB body', JSON.stringify({ body: 'y'.repeat(2_000_000) }), 'application/json'],
    ['empty body', '', 'application/json'],
  ];
  const rawCases = raw.map(([name, body, type]): Case => ({
    name: `comment route: ${name}`,
    run: async () => {
      const answer = await oneShot(`${app.url}/api/posts/${post.id}/comments`, { method: 'POST', headers: { 'Content-Type': type, Cookie: commenter.cookie }, body: body as BodyInit });
      return { status: answer.status, stored: answer.status === 201 };
    },
  }));
  const badIds = ['0', '-1', '1.5', '1e3', 'abc', "1' OR '1'='1", '%00', '99999999999999999999'].map((id): Case => ({
    name: `comment route: post id ${short(id)}`,
    run: async () => {
      const response = await fetch(`${app.url}/api/posts/${encodeURIComponent(id)}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: commenter.cookie },
        body: '{"body":"x"}',
      });
      await response.text();
      return { status: response.status, stored: response.status === 201 };
    },
  }));
  return [...asComment, ...asNote, ...rawCases, ...badIds];
}

/** In JSON answers only fields named …html carry markup (JSON Feed's title and summary are plain text by its spec). */
function htmlFieldsOf(value: unknown, key = ''): string {
  if (typeof value === 'string') return /html$/i.test(key) ? value : '';
  if (Array.isArray(value)) return value.map((v) => htmlFieldsOf(v, key)).join('\n');
  if (value && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => htmlFieldsOf(v, k))
      .join('\n');
  return '';
}

function viaComment(answer: { status: number }): Outcome {
  return { status: answer.status, stored: answer.status === 201 };
}

/** GET routes with hostile path segments and query parameters, signed out and as an admin. */
function getRouteCases(): Case[] {
  const templates = [
    '/search?q={}',
    '/search?q={}&page={}',
    '/page/{}',
    '/category/{}',
    '/tag/{}',
    '/author/{}',
    '/archive/{}',
    '/posts/{}',
    '/{}',
    '/feed.xml?x={}',
    '/category/{}/feed.xml',
    '/media/{}',
    '/subscription?token={}',
    '/subscription/confirm?token={}',
    '/notifications/mute?token={}',
    '/signin?callbackUrl={}',
    '/signin?error={}',
    '/signin/confirm?email={}&token={}&callbackUrl={}',
    '/welcome?next={}',
    '/api/posts/{}/comments',
    '/api/comments/{}/revisions',
    '/api/subscription/unsubscribe?token={}',
    '/admin/posts?status={}&q={}',
    '/admin/comments?show={}',
    '/admin/subscribers?q={}&status={}',
    '/admin/people?q={}',
    '/admin/pages?deleted={}',
    '/admin/activity?page={}',
    '/admin/posts/{}',
    '/admin/posts/{}/preview',
    '/admin/pages/{}',
  ];
  const values = [...sample(xssPayloads, 5).map((x) => x.payload), ...sample(sqlPayloads, 3), ...sample(headerInjection, 2), unreadable[0], overLong[0]];
  const cases: Case[] = [];
  templates.forEach((template, t) => {
    // Rotate through the values so every route meets every kind without a full cross product.
    for (let k = 0; k < 4; k++) {
      const value = values[(t * 4 + k) % values.length];
      const path = template.replaceAll('{}', encodeURIComponent(value));
      const cookie = k % 2 === 0 ? admin.cookie : undefined;
      cases.push({
        name: `GET ${template} = ${short(value)}${cookie ? ' (admin)' : ''}`,
        run: async () => {
          const response = await fetch(`${app.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
          const html = await response.text();
          expect({ path, unsafe: unsafeMarkup(html) }).toEqual({ path, unsafe: [] });
          // A redirect must never carry injected header lines.
          expect(response.headers.get('set-cookie') ?? '').not.toMatch(/hijacked/);
          expect(response.headers.get('location') ?? '').not.toMatch(/[\r\n]|^\/\/|evil\.example/);
          return { status: response.status, stored: false };
        },
      });
    }
  });
  // Raw, broken percent-encoding that a browser would never send (server/index.js answers 400; Next alone would 500).
  for (const raw of [
    '/posts/%E0%A4%A',
    '/tag/%C0%AF',
    '/%C0%AF',
    '/api/posts/%C0%AF/comments',
    '/search?q=%ff%fe%00',
    '/search?q=%',
    '/media/..%2F..%2Fdata%2Fhearth.db',
    '/media/%2e%2e/%2e%2e/package.json',
    '/media/%2e%2e%2f%2e%2e%2fpackage.json',
  ]) {
    cases.push({
      name: `GET raw ${raw}`,
      run: async () => {
        const response = await fetch(`${app.url}${raw}`, { redirect: 'manual' });
        const text = await response.text();
        expect(text).not.toMatch(/"name":\s*"hearth"|SQLite format 3/);
        return { status: response.status, stored: false };
      },
    });
  }
  return cases;
}

/** The forms, each field in turn given hostile strings. */
function formCases(): Case[] {
  const values = [...sample(xssPayloads, 2).map((x) => x.payload), ...sample(sqlPayloads, 2), ...headerInjection.slice(0, 3), ...unreadable.slice(0, 3), overLong[0], overLong[1]];
  const forms: { action: string; fields: (v: string, n: number) => Record<string, string | string[]>; as: () => Person | null }[] = [
    { action: 'requestSignInAction', fields: (v) => ({ email: v, callbackUrl: '/' }), as: () => null },
    { action: 'requestSignInAction', fields: (v, n) => ({ email: `cb${n}@example.org`, callbackUrl: v }), as: () => null },
    { action: 'subscribeAction', fields: (v) => ({ email: v, frequency: 'each-post' }), as: () => null },
    { action: 'subscribeAction', fields: (v, n) => ({ email: `sub${n}@example.org`, frequency: v, categoryIds: [v] }), as: () => null },
    { action: 'updateDisplayNameAction', fields: (v) => ({ name: v }), as: () => commenter },
    { action: 'reportCommentAction', fields: (v) => ({ commentId: String(reportable), reason: 'other', note: v }), as: () => commenter },
    {
      action: 'savePostAction',
      fields: (v, n) => ({
        postId: '',
        title: v.slice(0, 200) || 'x',
        slug: `hostile-${n}-${Date.now()}`,
        excerpt: v.slice(0, 500),
        body: v || 'x',
        categoryId: '',
        tags: v.slice(0, 40),
        contentNote: v.slice(0, 200),
        lastReviewedAt: '',
        coverImageId: '',
        coverAlt: v,
      }),
      as: () => admin,
    },
    {
      action: 'updateSettingsAction',
      fields: (v) => ({
        name: v.slice(0, 80) || 'x',
        tagline: v.slice(0, 160),
        about: v.slice(0, 2000),
        'communityLinks.0.label': 'link',
        'communityLinks.0.url': v,
        maxCommentLinks: '2',
        blockedWords: '',
      }),
      as: () => admin,
    },
    { action: 'updateSettingsAction', fields: (v) => ({ name: v.slice(0, 80) || 'x', tagline: v.slice(0, 160), about: v.slice(0, 2000), maxCommentLinks: '2', blockedWords: '' }), as: () => admin },
    { action: 'savePageAction', fields: (v, n) => ({ id: '', title: v.slice(0, 100) || 'x', slug: `hostile-page-${n}`, body: v || 'x', navOrder: '' }), as: () => admin },
    { action: 'savePageAction', fields: (v) => ({ id: '', title: 'x', slug: v, body: 'x', navOrder: v }), as: () => admin },
    { action: 'setRoleAction', fields: (v) => ({ userId: v, role: v }), as: () => admin },
    { action: 'schedulePostAction', fields: (v) => ({ postId: String(post.id), publishAt: v, timezoneOffset: v }), as: () => admin },
    { action: 'updateSubscriptionAction', fields: (v) => ({ token: v, frequency: 'weekly' }), as: () => null },
    { action: 'muteThreadAction', fields: (v) => ({ token: v }), as: () => null },
    { action: 'saveCategoryAction', fields: (v, n) => ({ id: '', name: v.slice(0, 80) || 'x', slug: `hostile-topic-${n}`, description: v.slice(0, 500) }), as: () => admin },
    {
      action: 'saveMenuAction',
      fields: (v) => ({
        menu: JSON.stringify([
          { kind: 'link', label: v.slice(0, 60) || 'x', url: '/archive' },
          { kind: 'link', label: 'x', url: v },
        ]),
      }),
      as: () => admin,
    },
  ];
  let n = 0;
  return forms.flatMap((form) =>
    values.map((value): Case => {
      const i = ++n;
      return {
        name: `${form.action} ${Object.keys(form.fields('v', 0)).join(',')} = ${short(value)}`,
        run: async () => {
          const fields = form.fields(value, i);
          const answer = await submitForm(app.url, form.action, fields, form.as()?.cookie);
          if (form.action === 'savePostAction' && typeof answer.result?.id === 'number') createdPosts.push(answer.result.id);
          if (form.action === 'savePageAction' && answer.redirect) createdPageSlugs.push(String(fields.slug));
          return viaAction(answer);
        },
      };
    }),
  );
}

/** Every server action called with arguments of the wrong type, as an admin (so no role check stops it first). */
function wrongArgumentCases(): Case[] {
  const shapes: [string, unknown[]][] = [
    ['no arguments', []],
    ['a string for the form', [{ ok: false }, 'email=x@example.org']],
    ['null for the form', [{ ok: false }, null]],
    ['a number for the form', [{ ok: false }, 42]],
    ['a plain object for the form', [{ ok: false }, { email: 'x@example.org', body: 'x', postId: '1' }]],
  ];
  return [...actionRefs().keys()]
    .filter((name) => name !== 'signOutAction' && name !== 'deleteAccountAction')
    .flatMap((name) => shapes.map(([shape, args]): Case => ({ name: `${name} with ${shape}`, run: async () => viaAction(await callAction(app.url, name, args, admin.cookie)) })));
}

/** Status of each malformed body; all but the missing form (an empty form to React) are undecodable. */
const malformedStatuses = new Map<string, number>();

/** Bodies that are not what React's encoder would ever send. */
function malformedEncodingCases(): Case[] {
  const multipart = (zero: string) => {
    const form = new FormData();
    form.set('0', zero);
    return form;
  };
  const bodies: [string, () => BodyInit, string | undefined][] = [
    ['text body that is not JSON', () => '{{{', 'text/plain;charset=UTF-8'],
    ['multipart whose root is not JSON', () => multipart('not json'), undefined],
    ['multipart pointing at a missing form', () => multipart('[{"ok":false},"$K99"]'), undefined],
    ['multipart pointing at a missing row', () => multipart('[{"ok":false},"$1"]'), undefined],
    ['arguments that are not a list', () => '42', 'text/plain;charset=UTF-8'],
    ['urlencoded form', () => 'email=x%40example.org', 'application/x-www-form-urlencoded'],
    ['invalid UTF-8 text body', () => Uint8Array.from([0x5b, 0xff, 0xfe, 0x5d]), 'text/plain;charset=UTF-8'],
    ['huge text body', () => JSON.stringify([{ ok: false }, 'z'.repeat(3_000_000)]), 'text/plain;charset=UTF-8'],
  ];
  return bodies.map(([name, body, type]): Case => ({
    name: `requestSignInAction: ${name}`,
    run: async () => {
      const answer = await callActionRaw(app.url, 'requestSignInAction', body(), admin.cookie, type);
      malformedStatuses.set(name, answer.status);
      return viaAction(answer);
    },
  }));
}

beforeAll(async () => {
  site = await startSite({ COMMENT_FLOOD_LIMITS: 'off' });
  ({ app, db } = site);
  post = await openPostOf(db);
  admin = await addPerson(db, 'admin', 'Admin');
  commenter = await addPerson(db, 'member', 'Commenter');
  // A member with an approved comment is published at once, so hostile comments reach the public page.
  await addApprovedComment(db, post.id, commenter.id, 'An earlier, approved comment.');
  reportable = await addApprovedComment(db, post.id, admin.id, 'Report me.');
});
afterAll(async () => {
  await site?.stop();
});

describe('hostile input', () => {
  it('has a markup check that tells live payloads from escaped ones', () => {
    for (const live of [
      '<img src=x onerror=xss_probe_1()>',
      '<a href="jav&#x09;ascript:xss_probe_2()">x</a>',
      '<script>xss_probe_3()</script>',
      '<p title="x" onmouseover="y">',
      '<iframe srcdoc="&lt;script&gt;">',
    ]) {
      expect({ live, found: unsafeMarkup(live).length > 0 }).toEqual({ live, found: true });
    }
    for (const safe of [
      '<p>&lt;img src=x onerror=xss_probe_1()&gt;</p>',
      '<input value="&lt;script&gt;xss_probe_3()"/>',
      '<a href="/search?q=javascript%3Axss_probe_2()">x</a>',
      '<script>self.__next_f.push([1,"\\u003cscript\\u003exss_probe_4()"])</script>',
    ]) {
      expect({ safe, found: unsafeMarkup(safe) }).toEqual({ safe, found: [] });
    }
  });

  const failures: string[] = [];
  let total = 0;

  it('never answers with a 5xx, and stores nothing for a refused request', async () => {
    const undecodable = malformedEncodingCases();
    const cases = [...commentRouteCases(), ...getRouteCases(), ...formCases(), ...wrongArgumentCases(), ...undecodable];
    total = cases.length;
    console.info(`hostile input: ${total} cases`);
    expect(total).toBeGreaterThanOrEqual(300);
    for (const testCase of cases) {
      const before = await snapshot();
      let outcome: Outcome;
      try {
        outcome = await testCase.run();
      } catch (error) {
        failures.push(`${testCase.name}: ${(error as Error).message.split('\n').slice(0, 12).join(' ')}`);
        continue;
      }
      if (outcome.status >= 500) failures.push(`${testCase.name}: HTTP ${outcome.status}`);
      if (!outcome.stored && (await snapshot()) !== before) failures.push(`${testCase.name}: refused (HTTP ${outcome.status}) but the database changed`);
    }
    expect(failures).toEqual([]);
    // The server still answers after all of it.
    expect((await fetch(`${app.url}/api/me`)).status).toBe(200);
    // No database error reaches the log: SQLite's codes, or a failed query (Drizzle's wrapper, as PostgreSQL's arrive).
    expect(app.output()).not.toMatch(/SQLITE_|Failed query|TypeError|ReferenceError/);
    // Nothing relabels a 5xx any more (server/action-body.js refuses undecodable bodies before Next):
    // each of those is a 4xx of its own.
    malformedStatuses.delete('multipart pointing at a missing form');
    expect([...malformedStatuses].filter(([, status]) => status < 400 || status >= 500)).toEqual([]);
  });

  it('shows no stored payload as live markup on any page where stored content appears', async () => {
    for (const id of createdPosts.slice(0, 10)) await submitForm(app.url, 'publishPostAction', { postId: String(id) }, admin.cookie);
    const slugs = (await db.all<{ slug: string }>(`SELECT slug FROM posts WHERE id IN (${createdPosts.join(',') || 0})`)).map((r) => r.slug);
    const pages = [
      `/posts/${post.slug}`,
      '/',
      '/page/1',
      '/archive',
      '/search?q=xss_probe',
      '/search?q=script',
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      ...slugs.map((slug) => `/posts/${slug}`),
      ...createdPosts.map((id) => `/admin/posts/${id}/preview`),
      ...createdPageSlugs.map((slug) => `/${slug}`),
    ];
    const adminPages = [
      '/admin',
      '/admin/posts',
      '/admin/comments',
      '/admin/comments?show=reported',
      '/admin/people',
      '/admin/pages',
      '/admin/settings',
      '/admin/activity',
      '/admin/categories',
      '/admin/menu',
      '/account',
      `/api/posts/${post.id}/comments`,
    ];
    // lower(): LIKE ignores ASCII case on SQLite only.
    expect(await countOf(db, "SELECT CAST(count(*) AS INTEGER) AS n FROM comments WHERE lower(body) LIKE '%xss_probe%' AND status = 'approved'")).toBeGreaterThan(20);
    for (const [path, cookie] of [...pages.map((p) => [p, undefined] as const), ...adminPages.map((p) => [p, admin.cookie] as const), [`/posts/${post.slug}`, commenter.cookie] as const]) {
      const response = await fetch(`${app.url}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
      expect({ path, status: response.status < 500 }).toEqual({ path, status: true });
      const text = await response.text();
      const markup = /json/.test(response.headers.get('content-type') ?? '') ? htmlFieldsOf(JSON.parse(text)) : text;
      expect({ path, unsafe: unsafeMarkup(markup) }).toEqual({ path, unsafe: [] });
    }
  });
});
