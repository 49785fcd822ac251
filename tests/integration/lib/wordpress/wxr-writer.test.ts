/**
 * The WordPress export on a real database, parsed back with saxes: well-formed whatever the content holds
 * ("]]>", emoji, control characters, markup in titles), every field WordPress's importer reads, comment
 * threads with guests' names, commenters' addresses only on request, drafts and scheduled posts, images as
 * attachments at their absolute /media address.
 */
import { withTransaction } from '@/db/transaction';
import { categories, comments, pages, postTags, tags, uploads, users } from '@/db/schema';
import { writeWxr } from '@/lib/wordpress/wxr-writer';
import { createAuthor, createPost } from '../../../helpers/fixtures';
import { child, children, parseXml, textOf, type XmlNode } from '../../../helpers/xml-tree';

const SITE = 'https://hearth.example.org';
const TRICKY = 'Code: `a]]>b` and <b>tags</b> & “quotes” 🌱 Zoë\u0001';

async function exportText(includeCommenterEmails = false) {
  let text = '';
  for await (const piece of writeWxr({ siteUrl: SITE, includeCommenterEmails, now: new Date(Date.UTC(2026, 5, 1)) })) text += piece;
  return text;
}

let ids: Record<string, number> = {};
beforeAll(async () => {
  const mira = await createAuthor({ name: 'Mira Kent', slug: 'mira', email: 'mira@example.org', role: 'author' });
  const member = (await withTransaction((tx) => tx.insert(users).values({ name: 'Sam Member', email: 'sam@example.org', role: 'member' }).returning()))[0];
  const category = (await withTransaction((tx) => tx.insert(categories).values({ slug: 'living-with-me', name: 'Living with ME', description: 'Day to day' }).returning()))[0];
  const tag = (await withTransaction((tx) => tx.insert(tags).values({ slug: 'pacing', name: 'Pacing' }).returning()))[0];
  const cover = (
    await withTransaction((tx) =>
      tx
        .insert(uploads)
        .values({ file: 'abc123.webp', mimeType: 'image/webp', width: 800, height: 600, bytes: 1000, originalName: 'garden.jpg', alt: 'A garden bench', caption: 'Rest stop' })
        .returning(),
    )
  )[0];
  const published = await createPost({
    authorId: mira.id,
    slug: 'pacing-tips',
    title: `Pacing ${TRICKY}`,
    excerpt: 'Spend energy ]]> wisely',
    body: `## Start\n\n${TRICKY}\n\n![A garden bench](/media/abc123.webp)`,
    categoryId: category.id,
    coverImageId: cover.id,
    publishedAt: new Date(Date.UTC(2024, 4, 1, 9)),
  });
  await withTransaction((tx) => tx.insert(postTags).values({ postId: published.id, tagId: tag.id }));
  const scheduled = await createPost({ authorId: mira.id, slug: 'later', title: 'Later', status: 'scheduled', publishedAt: new Date(Date.UTC(2027, 0, 1)) });
  const draft = await createPost({ authorId: mira.id, slug: 'unfinished', title: 'Unfinished', status: 'draft', publishedAt: null });
  const guest = (
    await withTransaction((tx) =>
      tx
        .insert(comments)
        .values({
          postId: published.id,
          body: 'Thank you',
          html: '<p>Thank you ]]> so much</p>',
          status: 'approved',
          guestName: 'Ann (guest)',
          guestEmail: 'ann@example.org',
          createdAt: new Date(Date.UTC(2024, 4, 2)),
        })
        .returning(),
    )
  )[0];
  const reply = (
    await withTransaction((tx) =>
      tx
        .insert(comments)
        .values({ postId: published.id, parentId: guest.id, depth: 2, authorId: member.id, body: 'Same here', html: '<p>Same here</p>', status: 'pending', createdAt: new Date(Date.UTC(2024, 4, 3)) })
        .returning(),
    )
  )[0];
  const byAuthor = (
    await withTransaction((tx) =>
      tx
        .insert(comments)
        .values({ postId: published.id, parentId: reply.id, depth: 3, authorId: mira.id, body: 'Glad', html: '<p>Glad</p>', status: 'approved', createdAt: new Date(Date.UTC(2024, 4, 4)) })
        .returning(),
    )
  )[0];
  await withTransaction((tx) =>
    tx.insert(comments).values({ postId: published.id, body: 'Buy pills', html: '<p>Buy pills</p>', status: 'spam', guestName: 'Spammer', guestEmail: 'spam@example.org' }),
  );
  await withTransaction((tx) => tx.insert(comments).values({ postId: published.id, body: '', html: '', status: 'deleted', authorId: member.id }));
  const page = (await withTransaction((tx) => tx.insert(pages).values({ slug: 'about', title: 'About us', body: 'We are *here*.', status: 'published', navOrder: 2 }).returning()))[0];
  ids = { published: published.id, scheduled: scheduled.id, draft: draft.id, guest: guest.id, reply: reply.id, byAuthor: byAuthor.id, page: page.id, cover: cover.id };
});

const items = (rss: XmlNode) => children(child(rss, 'channel')!, 'item');
const itemOfType = (rss: XmlNode, type: string) => items(rss).filter((i) => textOf(i, 'wp:post_type') === type);
const postNamed = (rss: XmlNode, slug: string) => items(rss).find((i) => textOf(i, 'wp:post_name') === slug)!;

test('the export is well-formed WXR 1.2 with the site, authors, categories and tags', async () => {
  const rss = parseXml(await exportText());
  expect(rss.name).toBe('rss');
  expect(rss.attributes).toMatchObject({
    version: '2.0',
    'xmlns:wp': 'http://wordpress.org/export/1.2/',
    'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
    'xmlns:excerpt': 'http://wordpress.org/export/1.2/excerpt/',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    'xmlns:wfw': 'http://wellformedweb.org/CommentAPI/',
  });
  const channel = child(rss, 'channel')!;
  expect(textOf(channel, 'wp:wxr_version')).toBe('1.2');
  expect(textOf(channel, 'wp:base_site_url')).toBe(SITE);
  expect(textOf(channel, 'wp:base_blog_url')).toBe(SITE);
  const authors = children(channel, 'wp:author');
  expect(authors.map((a) => [textOf(a, 'wp:author_login'), textOf(a, 'wp:author_display_name'), textOf(a, 'wp:author_email')])).toEqual([['mira', 'Mira Kent', 'mira@example.org']]);
  const [category] = children(channel, 'wp:category');
  expect([textOf(category, 'wp:category_nicename'), textOf(category, 'wp:cat_name'), textOf(category, 'wp:category_parent'), textOf(category, 'wp:category_description')]).toEqual([
    'living-with-me',
    'Living with ME',
    '',
    'Day to day',
  ]);
  const [tag] = children(channel, 'wp:tag');
  expect([textOf(tag, 'wp:tag_slug'), textOf(tag, 'wp:tag_name')]).toEqual(['pacing', 'Pacing']);
});

test('a post carries every field, with odd characters and "]]>" coming back exactly', async () => {
  const post = postNamed(parseXml(await exportText()), 'pacing-tips');
  const clean = TRICKY.replace('\u0001', '');
  expect(textOf(post, 'title')).toBe(`Pacing ${clean}`);
  expect(textOf(post, 'link')).toBe(`${SITE}/posts/pacing-tips`);
  expect(textOf(post, 'pubDate')).toBe('Wed, 01 May 2024 09:00:00 +0000');
  expect(textOf(post, 'dc:creator')).toBe('mira');
  expect(child(post, 'guid')!.attributes.isPermaLink).toBe('false');
  expect(textOf(post, 'excerpt:encoded')).toBe('Spend energy ]]> wisely');
  const html = textOf(post, 'content:encoded')!;
  expect(html).toContain('<h2');
  expect(html).toContain('a]]&gt;b');
  expect(html).toContain('🌱 Zoë');
  expect(html).toContain(`src="${SITE}/media/abc123`);
  expect(textOf(post, 'wp:post_id')).toBe(String(ids.published));
  expect(textOf(post, 'wp:post_date_gmt')).toBe('2024-05-01 09:00:00');
  expect(textOf(post, 'wp:post_date')).toMatch(/^2024-05-01 \d\d:00:00$/);
  expect(textOf(post, 'wp:comment_status')).toBe('open');
  expect(textOf(post, 'wp:status')).toBe('publish');
  expect(textOf(post, 'wp:post_type')).toBe('post');
  const terms = children(post, 'category').map((c) => [c.attributes.domain, c.attributes.nicename, c.text]);
  expect(terms).toEqual([
    ['category', 'living-with-me', 'Living with ME'],
    ['post_tag', 'pacing', 'Pacing'],
  ]);
  const meta = children(post, 'wp:postmeta').map((m) => [textOf(m, 'wp:meta_key'), textOf(m, 'wp:meta_value')]);
  expect(meta).toContainEqual(['_thumbnail_id', textOf(itemOfType(parseXml(await exportText()), 'attachment')[0], 'wp:post_id')]);
});

test('comments keep their thread and status; guests keep their name; spam and deleted ones stay out; addresses only on request', async () => {
  const thread = (text: string) => children(postNamed(parseXml(text), 'pacing-tips'), 'wp:comment');
  const without = thread(await exportText());
  expect(without.map((c) => [textOf(c, 'wp:comment_id'), textOf(c, 'wp:comment_author'), textOf(c, 'wp:comment_approved'), textOf(c, 'wp:comment_parent'), textOf(c, 'wp:comment_user_id')])).toEqual([
    [String(ids.guest), 'Ann (guest)', '1', '0', '0'],
    [String(ids.reply), 'Sam Member', '0', String(ids.guest), '0'],
    [String(ids.byAuthor), 'Mira Kent', '1', String(ids.reply), '1'],
  ]);
  expect(without.map((c) => textOf(c, 'wp:comment_author_email'))).toEqual(['', '', '']);
  expect(textOf(without[0], 'wp:comment_content')).toBe('<p>Thank you ]]> so much</p>');
  expect(textOf(without[0], 'wp:comment_date_gmt')).toBe('2024-05-02 00:00:00');
  const text = await exportText();
  expect(text).not.toContain('ann@example.org');
  expect(text).not.toContain('sam@example.org');
  expect(text).not.toContain('Buy pills');
  const withEmails = thread(await exportText(true));
  expect(withEmails.map((c) => textOf(c, 'wp:comment_author_email'))).toEqual(['ann@example.org', 'sam@example.org', 'mira@example.org']);
});

test('scheduled posts are "future", drafts are "draft" without a GMT date, pages and images come along', async () => {
  const rss = parseXml(await exportText());
  expect(textOf(postNamed(rss, 'later'), 'wp:status')).toBe('future');
  expect(textOf(postNamed(rss, 'later'), 'wp:post_date_gmt')).toBe('2027-01-01 00:00:00');
  expect(textOf(postNamed(rss, 'unfinished'), 'wp:status')).toBe('draft');
  expect(textOf(postNamed(rss, 'unfinished'), 'wp:post_date_gmt')).toBe('0000-00-00 00:00:00');
  const [page] = itemOfType(rss, 'page');
  expect([textOf(page, 'title'), textOf(page, 'wp:post_name'), textOf(page, 'wp:status'), textOf(page, 'wp:menu_order'), textOf(page, 'link')]).toEqual([
    'About us',
    'about',
    'publish',
    '2',
    `${SITE}/about`,
  ]);
  expect(textOf(page, 'content:encoded')).toContain('<em>here</em>');
  const [image] = itemOfType(rss, 'attachment');
  expect(textOf(image, 'wp:attachment_url')).toBe(`${SITE}/media/abc123.webp`);
  expect(textOf(image, 'wp:status')).toBe('inherit');
  expect(textOf(image, 'excerpt:encoded')).toBe('Rest stop');
  const ids = items(rss).map((i) => textOf(i, 'wp:post_id'));
  expect(new Set(ids).size).toBe(ids.length);
});
