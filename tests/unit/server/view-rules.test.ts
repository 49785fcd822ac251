/** @jest-environment node */
/** The private view counter's rules as a table: which browsers, privacy signals, referrers and paths count. */
import { asksNotToBeTracked, countsAsView, isReaderBrowser, readerPath, refererHost, referringHost } from '../../../server/view-rules';
import { daysBetween, statsDay, statsDayBefore, weekOf } from '@/lib/stats/day';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

describe('which requests come from a reader’s browser', () => {
  it.each([
    [CHROME, true],
    [SAFARI_PHONE, true],
    [FIREFOX, true],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', false],
    ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', false],
    ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)', false],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', false],
    ['Mozilla/5.0 (compatible; YandexSpider/3.0)', false],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0', false],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36 (compatible; Discordbot/2.0)', false],
    ['Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome-Lighthouse', false],
    ['Mozilla/5.0 (compatible; SemrushCrawler)', false],
    ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', false],
    ['WhatsApp/2.23.20.0', false],
    ['curl/8.5.0', false],
    ['python-requests/2.32.3', false],
    ['node', false],
    ['', false],
    [null, false],
    [`${CHROME} ${'x'.repeat(600)}`, false],
  ])('%s → %s', (userAgent, expected) => {
    expect(isReaderBrowser(userAgent)).toBe(expected);
  });
});

describe('readers who ask not to be tracked', () => {
  it.each([
    [{}, false],
    [{ dnt: '0' }, false],
    [{ dnt: '1' }, true],
    [{ 'sec-gpc': '1' }, true],
    [{ dnt: ' 1 ' }, true],
    [{ 'sec-gpc': '0' }, false],
  ])('%j → %s', (headers, expected) => {
    expect(asksNotToBeTracked(headers as Record<string, string>)).toBe(expected);
  });
});

describe('which requests are a reader’s view (the path aside)', () => {
  it.each([
    ['GET', {}, true],
    ['GET', { rsc: '1', 'next-router-state-tree': '%5B%5D' }, true],
    ['GET', { rsc: '1', 'next-router-prefetch': '1' }, false],
    ['GET', { rsc: '1', 'next-router-segment-prefetch': '/_tree' }, false],
    ['GET', { purpose: 'prefetch' }, false],
    ['GET', { 'sec-purpose': 'prefetch' }, false],
    ['GET', { 'sec-purpose': 'prefetch;prerender' }, false],
    ['GET', { dnt: '1' }, false],
    ['GET', { 'sec-gpc': '1' }, false],
    ['GET', { 'user-agent': 'curl/8.5.0' }, false],
    ['HEAD', {}, false],
    ['POST', {}, false],
  ])('%s %j → %s', (method, headers, expected) => {
    expect(countsAsView(method, { 'user-agent': CHROME, ...headers })).toBe(expected);
  });
});

describe('the host of a Referer header', () => {
  it.each([
    ['https://forum.example.org/threads/42?member=zoe', 'forum.example.org'],
    ['http://chat.example:8443', 'chat.example:8443'],
    ['https://forum.example.org?x', 'forum.example.org'],
    ['https://user:pass@forum.example.org/', null],
    ['android-app://com.example.reader/', null],
    ['', null],
    [undefined, null],
  ])('%p → %p', (sent, expected) => {
    expect(refererHost(sent)).toBe(expected);
  });
});

describe('the referring site, by host only and only when it is another site', () => {
  const own = ['hearth.example', 'localhost'];
  it.each([
    ['forum.example.org', 'forum.example.org'],
    ['Forum.Example.ORG.', 'forum.example.org'],
    ['www.patients-together.example', 'patients-together.example'],
    ['chat.example:8443', 'chat.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['hearth.example', null],
    ['www.hearth.example', null],
    ['localhost:4123', null],
    ['', null],
    [undefined, null],
    [42, null],
    ['forum.example.org/thread/123?name=Zoë', null],
    ['user:pass@forum.example.org', null],
    ['https://forum.example.org', null],
    ['<script>.example', null],
    ['zoë.example', null],
    [`${'a'.repeat(64)}.example`, null],
  ])('%p → %p', (sent, expected) => {
    expect(referringHost(sent, own)).toBe(expected);
  });
});

describe('which paths are reader pages (the database then checks the slug)', () => {
  it.each([
    ['/', { kind: 'fixed', path: '/' }],
    ['/page/3', { kind: 'fixed', path: '/' }],
    ['/archive', { kind: 'fixed', path: '/archive' }],
    ['/archive/2025', { kind: 'fixed', path: '/archive' }],
    ['/search?q=my+diagnosis', { kind: 'fixed', path: '/search' }],
    ['/posts/pacing-through-a-flare', { kind: 'post', slug: 'pacing-through-a-flare', path: '/posts/pacing-through-a-flare' }],
    ['/posts/pacing-through-a-flare/', { kind: 'post', slug: 'pacing-through-a-flare', path: '/posts/pacing-through-a-flare' }],
    ['/posts/pacing-through-a-flare#comments', { kind: 'post', slug: 'pacing-through-a-flare', path: '/posts/pacing-through-a-flare' }],
    ['/posts/pacing-through-a-flare/comments/2', { kind: 'post', slug: 'pacing-through-a-flare', path: '/posts/pacing-through-a-flare' }],
    ['/category/living-well/2', { kind: 'category', slug: 'living-well', path: '/category/living-well' }],
    ['/tag/sleep', { kind: 'tag', slug: 'sleep', path: '/tag/sleep' }],
    ['/author/zoe-obrien', { kind: 'author', slug: 'zoe-obrien', path: '/author/zoe-obrien' }],
    ['/about', { kind: 'page', slug: 'about', path: '/about' }],
    ['/admin/stats', null],
    ['/api/views', null],
    ['/account', { kind: 'page', slug: 'account', path: '/account' }],
    ['/posts/Ünïcode', null],
    ['/posts/../admin', null],
    ['//evil.example/posts/x', null],
    ['https://hearth.example/posts/x', null],
    ['posts/x', null],
    [`/posts/${'a'.repeat(301)}`, null],
    [['/'], null],
    [undefined, null],
  ])('%p → %p', (sent, expected) => {
    expect(readerPath(sent)).toEqual(expected);
  });
});

describe('days and weeks', () => {
  it('counts by UTC day, weeks start on Monday', () => {
    expect(statsDay(new Date('2026-03-01T23:59:59Z'), 'UTC')).toBe('2026-03-01');
    // The site's calendar: late evening in New York is already tomorrow in UTC.
    expect(statsDay(new Date('2026-03-02T03:30:00Z'), 'America/New_York')).toBe('2026-03-01');
    expect(statsDay(new Date('2026-03-01T20:00:00Z'), 'Asia/Kolkata')).toBe('2026-03-02');
    expect(statsDayBefore(7, new Date('2026-03-01T10:00:00Z'), 'UTC')).toBe('2026-02-23');
    expect(weekOf('2026-03-01')).toBe('2026-02-23');
    expect(weekOf('2026-02-23')).toBe('2026-02-23');
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});
