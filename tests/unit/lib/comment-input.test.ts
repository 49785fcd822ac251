import { renderCommentMarkdown } from '@/lib/markdown';
import { containsBlockedWord, countLinks, decideCommentStatus } from '@/lib/comments/moderation-rules';
import { commentSchema } from '@/lib/validations/comment';

const bodyError = (body: string) => commentSchema.safeParse({ postId: 1, body }).error?.issues[0]?.message;

describe('comment text', () => {
  it.each([
    ['', 'Write something before posting.'],
    ['   \n\t  ', 'Write something before posting.'],
    ['x'.repeat(5001), 'Comments can be up to 5,000 characters.'],
    ['nul\u0000byte', expect.stringContaining('could not be read')],
    ['broken \uFFFD paste', expect.stringContaining('could not be read')],
    ['lone \uD800 surrogate', expect.stringContaining('could not be read')],
  ])('refuses %j', (body, message) => expect(bodyError(body)).toEqual(message));

  it('accepts 5,000 characters and emoji', () => {
    expect(commentSchema.safeParse({ postId: 1, body: 'x'.repeat(5000) }).success).toBe(true);
    expect(commentSchema.parse({ postId: '3', parentId: '', body: ' 💛 thank you ' })).toMatchObject({ postId: 3, parentId: undefined, body: '💛 thank you' });
  });

  it('refuses a filled honeypot', () => {
    expect(commentSchema.safeParse({ postId: 1, body: 'hi', website: 'http://spam.example' }).success).toBe(false);
  });
});

describe('Markdown-lite for comments', () => {
  it('keeps paragraphs, emphasis, lists, quotes and links (marked nofollow ugc)', () => {
    const html = renderCommentMarkdown('*soft* and **strong**\n\n- one\n- two\n\n> quoted\n\n[a link](https://example.org)');
    expect(html).toContain('<em>soft</em>');
    expect(html).toContain('<strong>strong</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">a link</a>');
  });

  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['<img src=x onerror=alert(1)>', /<img/i],
    ['![pic](https://example.org/x.png)', /<img/i],
    ['[x](javascript:alert(1))', /href="javascript/i],
    ['[x](data:text/html,hi)', /href="data/i],
    ['# Big heading', /<h1/i],
    ['<a href="https://e.example" onclick="x()">y</a>', /<[^>]*onclick/i],
  ])('never lets %s through as markup', (source, forbidden) => expect(renderCommentMarkdown(source)).not.toMatch(forbidden));
});

describe('moderation rules', () => {
  const settings = { holdFirstComment: true, maxCommentLinks: 2, blockedWords: ['buy now'] };
  it('counts links and matches blocked words as whole words', () => {
    expect(countLinks('https://a.example and www.b.example and mailto:x')).toBe(3);
    expect(containsBlockedWord('Please BUY NOW!', ['buy now'])).toBe(true);
    expect(containsBlockedWord('buy nowhere', ['buy now'])).toBe(false);
  });
  it('decides in order: moderators, blocked words, links, first comment', () => {
    expect(decideCommentStatus('buy now', { canModerate: true, hasApprovedComment: false }, settings)).toEqual({ status: 'approved' });
    expect(decideCommentStatus('buy now', { canModerate: false, hasApprovedComment: true }, settings)).toEqual({ status: 'pending', reason: 'blocked-word' });
    expect(decideCommentStatus('hi', { canModerate: false, hasApprovedComment: false }, settings)).toEqual({ status: 'pending', reason: 'first-comment' });
    expect(decideCommentStatus('hi', { canModerate: false, hasApprovedComment: true }, settings)).toEqual({ status: 'approved' });
  });
});
