/**
 * The shipped nginx configuration reports the views its micro-cache answers, and only those, by the
 * same rules as the app (server/view-rules.js): a real nginx with deploy/nginx/hearth.conf in front of a
 * plain upstream, each case's page asked twice (a MISS that reaches the upstream, which the app would count
 * itself, then a HIT that does not), and the lines nginx writes into its views log read back. The
 * User-Agent table is checked against isReaderBrowser, so nginx's map and view-rules.js cannot drift apart.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseViewLine } from '../../server/nginx-views';
import { isReaderBrowser } from '../../server/view-rules';
import { ensureNginx, startNginx, type RunningNginx } from '../helpers/nginx';

const nginx = ensureNginx();
if ('unavailable' in nginx && process.env.CI) throw new Error(`nginx is required in CI: ${nginx.unavailable}`);
if ('unavailable' in nginx) console.warn(`Skipping the nginx view rules tests: ${nginx.unavailable}`);
const describeWithNginx = 'unavailable' in nginx ? describe.skip : describe;

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const USER_AGENTS = [
  CHROME,
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (compatible; YandexSpider/3.0)',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36 (compatible; Discordbot/2.0)',
  'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome-Lighthouse',
  'Mozilla/5.0 (compatible; SemrushCrawler)',
  'Mozilla/5.0 (X11; Linux x86_64) PYTHON-urllib',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'WhatsApp/2.23.20.0',
  'curl/8.5.0',
  'mozilla/5.0 (x11; linux x86_64) firefox/133.0',
  '',
  `${CHROME} ${'x'.repeat(600)}`,
];

describeWithNginx('nginx reports the views its micro-cache answers', () => {
  let upstream: http.Server;
  let proxy: RunningNginx;
  let dir: string;
  let viewsLog: string;
  /** How much of the views log the test has read. */
  let readUpTo = 0;
  const upstreamPaths: string[] = [];
  let caseNumber = 0;

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      upstreamPaths.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<p>A reader page</p>');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-views-log-'));
    viewsLog = path.join(dir, 'views.log');
    proxy = await startNginx((nginx as { binary: string }).binary, (upstream.address() as AddressInfo).port, { viewsLog });
  });
  afterAll(async () => {
    await proxy?.stop();
    await new Promise((resolve) => upstream?.close(resolve));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Asks for a new page twice with `headers`; returns its path and the two cache statuses. */
  async function twice(headers: Record<string, string>, { method = 'GET', query = '' } = {}) {
    const path = `/posts/case-${++caseNumber}`;
    const statuses: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(proxy.url + path + query, { method, headers });
      await response.arrayBuffer();
      statuses.push(response.headers.get('x-cache-status') ?? '');
    }
    return { path, statuses };
  }

  /** The lines nginx wrote since the last call, as written, once its buffer was flushed (every second). */
  async function newLines(atLeast: number): Promise<string[]> {
    const text = () => (fs.existsSync(viewsLog) ? fs.readFileSync(viewsLog, 'latin1').slice(readUpTo) : '');
    for (let i = 0; i < 60 && text().split('\n').length - 1 < atLeast; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1500));
    const added = text();
    readUpTo += added.length;
    return added.split('\n').slice(0, -1);
  }
  const reported = async (atLeast: number) => (await newLines(atLeast)).map(parseViewLine);

  it('agrees with view-rules.js on which User-Agents are readers’ browsers, reporting each HIT once and no MISS', async () => {
    const expected: string[] = [];
    for (const userAgent of USER_AGENTS) {
      const { path, statuses } = await twice({ 'User-Agent': userAgent });
      expect(statuses).toEqual(['MISS', 'HIT']);
      if (isReaderBrowser(userAgent)) expected.push(path);
    }
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(expected.length).toBeLessThan(USER_AGENTS.length - 10);
    const lines = await reported(expected.length);
    expect(lines.map((line) => line?.path)).toEqual(expected);
    expect(lines.every((line) => line?.referrer === '' && line.siteHost === new URL(proxy.url).host)).toBe(true);
  });

  it('reports no view for Do Not Track, Global Privacy Control, prefetches or HEAD, and counts a client navigation', async () => {
    for (const headers of [
      { DNT: '1' },
      { 'Sec-GPC': '1' },
      { RSC: '1', 'Next-Router-Prefetch': '1' },
      { RSC: '1', 'Next-Router-Segment-Prefetch': '/_tree' },
      { Purpose: 'prefetch' },
      { 'Sec-Purpose': 'prefetch;prerender' },
    ] as Record<string, string>[]) {
      const { statuses } = await twice({ 'User-Agent': CHROME, ...headers });
      expect(statuses).toEqual(['MISS', 'HIT']);
    }
    expect((await twice({ 'User-Agent': CHROME }, { method: 'HEAD' })).statuses).toEqual(['MISS', 'HIT']);
    const navigation = await twice({ 'User-Agent': CHROME, DNT: '0', RSC: '1', 'Next-Router-State-Tree': '%5B%5D' }, { query: '?_rsc=abc12' });
    expect(navigation.statuses).toEqual(['MISS', 'HIT']);
    expect((await reported(1)).map((line) => line?.path)).toEqual([navigation.path]);
  });

  it('sends the referring site’s host and the path only: no address, browser, query or full referrer', async () => {
    const { path } = await twice({ 'User-Agent': `${CHROME} ZoeMarker/9`, Referer: 'https://forum.example.org/threads/42?member=zoe' }, { query: '?q=my+diagnosis' });
    const [line] = await reported(1);
    expect(line).toEqual({ referrer: 'forum.example.org', siteHost: new URL(proxy.url).host, path });
    // Only the MISS reached the upstream (with its query, as the app needs it).
    expect(upstreamPaths.filter((asked) => asked.startsWith(`${path}?`))).toEqual([`${path}?q=my+diagnosis`]);
  });

  it('writes lines free of anything personal', async () => {
    await twice({ 'User-Agent': `${CHROME} ZoeMarker/9`, Referer: 'https://user:secret@forum.example.org:8443/x?member=zoe' }, { query: '?q=my+diagnosis' });
    const raw = await newLines(1);
    expect(raw).toHaveLength(1);
    for (const needle of ['ZoeMarker', '127.0.0.1', 'member', 'zoe', 'secret', 'diagnosis', 'user']) expect(raw[0]).not.toContain(needle);
  });
});
