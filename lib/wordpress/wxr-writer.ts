/**
 * Leaving is as easy as arriving: the whole site as a WordPress export (WXR 1.2) that WordPress's own
 * importer reads. Written as a stream of strings, batch by batch, so a large site never sits in memory.
 * Posts and pages carry their body rendered to HTML; images become attachments pointing at their /media
 * address. Authors' addresses are exported (WordPress maps users by them); commenters' addresses only when
 * the admin asks for them, for their own move: members and guests gave them to this site, not the next.
 */
import 'server-only';
import { exportAuthors, exportCategories, exportComments, exportIdRanges, exportPageBatch, exportPostBatch, exportPostTags, exportTags, exportUploadBatch } from '@/db/queries/wxr-export';
import { getSiteIdentity, getSiteSettings } from '@/db/queries/settings';
import { renderMarkdown } from '@/lib/markdown';
import { cdata, element, escapeXml, gmtDate, localDate, rfc822 } from './wxr-xml';

export type WxrWriteOptions = { siteUrl: string; includeCommenterEmails: boolean; now?: Date };

const BATCH = 200;
const NAMESPACES = [
  'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:wfw="http://wellformedweb.org/CommentAPI/"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:wp="http://wordpress.org/export/1.2/"',
].join(' ');

const POST_STATUS = { published: 'publish', scheduled: 'future', draft: 'draft' } as const;

/** The export, piece by piece: the channel's head, then posts, pages and images, then the closing tags. */
export async function* writeWxr({ siteUrl, includeCommenterEmails, now = new Date() }: WxrWriteOptions): AsyncGenerator<string> {
  const [site, { timeZone }] = await Promise.all([getSiteSettings(), getSiteIdentity()]);
  const ids = await exportIdRanges();
  const authors = await exportAuthors();
  const loginOf = new Map(authors.map((a) => [a.id, a.slug ?? `author-${a.id.slice(0, 8)}`]));
  const wpAuthorId = new Map(authors.map((a, i) => [a.id, i + 1]));
  const absolute = (html: string) => html.replace(/(\s(?:src|href|srcset)=")\/(?!\/)/g, `$1${siteUrl}/`).replace(/(,\s*)\/media\//g, `$1${siteUrl}/media/`);
  const dates = (at: Date | null, draft: boolean) => [
    element('wp:post_date', cdata(localDate(at ?? now, timeZone))),
    element('wp:post_date_gmt', cdata(draft || !at ? '0000-00-00 00:00:00' : gmtDate(at))),
  ];

  yield `<?xml version="1.0" encoding="UTF-8" ?>\n<!-- A WordPress eXtended RSS (WXR) export of a Hearth site. In WordPress: Tools → Import → WordPress. -->\n`;
  yield `<rss version="2.0" ${NAMESPACES}>\n<channel>\n`;
  yield (
    [
      element('title', escapeXml(site.name)),
      element('link', escapeXml(siteUrl)),
      element('description', escapeXml(site.tagline)),
      element('pubDate', rfc822(now)),
      element('language', 'en'),
      element('wp:wxr_version', '1.2'),
      element('wp:base_site_url', escapeXml(siteUrl)),
      element('wp:base_blog_url', escapeXml(siteUrl)),
    ].join('\n') + '\n'
  );

  for (const author of authors) {
    yield (
      element(
        'wp:author',
        [
          element('wp:author_id', String(wpAuthorId.get(author.id))),
          element('wp:author_login', cdata(loginOf.get(author.id)!)),
          element('wp:author_email', cdata(author.email)),
          element('wp:author_display_name', cdata(author.name ?? loginOf.get(author.id)!)),
          element('wp:author_first_name', cdata('')),
          element('wp:author_last_name', cdata('')),
        ].join(''),
      ) + '\n'
    );
  }
  for (const category of await exportCategories()) {
    yield (
      element(
        'wp:category',
        [
          element('wp:term_id', String(category.id)),
          element('wp:category_nicename', cdata(category.slug)),
          element('wp:category_parent', cdata('')),
          element('wp:cat_name', cdata(category.name)),
          element('wp:category_description', cdata(category.description)),
        ].join(''),
      ) + '\n'
    );
  }
  for (const tag of await exportTags()) {
    yield element('wp:tag', [element('wp:term_id', String(tag.id)), element('wp:tag_slug', cdata(tag.slug)), element('wp:tag_name', cdata(tag.name))].join('')) + '\n';
  }

  for (let batch = await exportPostBatch(0, BATCH); batch.length > 0; batch = await exportPostBatch(batch.at(-1)!.id, BATCH)) {
    const postIds = batch.map((p) => p.id);
    const tagsOf = groupBy(await exportPostTags(postIds), (t) => t.postId);
    const commentsOf = groupBy(await exportComments(postIds), (c) => c.postId);
    for (const post of batch) {
      const when = post.publishedAt ?? post.createdAt;
      const terms = [
        ...(post.category ? [`<category domain="category" nicename="${escapeXml(post.category.slug)}">${cdata(post.category.name)}</category>`] : []),
        ...(tagsOf.get(post.id) ?? []).map((t) => `<category domain="post_tag" nicename="${escapeXml(t.slug)}">${cdata(t.name)}</category>`),
      ];
      const postComments = (commentsOf.get(post.id) ?? []).map((c) => {
        const name = c.guestName ?? c.authorName ?? 'A former member';
        const email = includeCommenterEmails ? (c.guestEmail ?? c.authorEmail ?? '') : '';
        return element(
          'wp:comment',
          [
            element('wp:comment_id', String(c.id)),
            element('wp:comment_author', cdata(name)),
            element('wp:comment_author_email', cdata(email)),
            element('wp:comment_author_url', cdata('')),
            element('wp:comment_author_IP', cdata('')),
            element('wp:comment_date', cdata(localDate(c.createdAt, timeZone))),
            element('wp:comment_date_gmt', cdata(gmtDate(c.createdAt))),
            element('wp:comment_content', cdata(c.html)),
            element('wp:comment_approved', cdata(c.status === 'approved' ? '1' : '0')),
            element('wp:comment_type', cdata('comment')),
            element('wp:comment_parent', String(c.parentId ?? 0)),
            element('wp:comment_user_id', String((c.authorId && wpAuthorId.get(c.authorId)) || 0)),
          ].join('\n'),
        );
      });
      yield item({
        title: post.title,
        link: `${siteUrl}/posts/${post.slug}`,
        when,
        creator: loginOf.get(post.authorId) ?? '',
        guid: `${siteUrl}/?p=${post.id}`,
        content: absolute((await renderMarkdown(post.body)).html),
        excerpt: post.excerpt,
        fields: [
          element('wp:post_id', String(post.id)),
          ...dates(post.publishedAt, post.status === 'draft'),
          element('wp:comment_status', cdata(post.commentsClosed ? 'closed' : 'open')),
          element('wp:ping_status', cdata('closed')),
          element('wp:post_name', cdata(post.slug)),
          element('wp:status', cdata(POST_STATUS[post.status])),
          element('wp:post_parent', '0'),
          element('wp:menu_order', '0'),
          element('wp:post_type', cdata('post')),
          element('wp:post_password', cdata('')),
          element('wp:is_sticky', '0'),
          ...terms,
          ...(post.coverImageId ? [postmeta('_thumbnail_id', String(ids.posts + ids.pages + post.coverImageId))] : []),
          ...postComments,
        ],
      });
    }
  }

  for (let batch = await exportPageBatch(0, BATCH); batch.length > 0; batch = await exportPageBatch(batch.at(-1)!.id, BATCH)) {
    for (const page of batch) {
      const wpId = ids.posts + page.id;
      yield item({
        title: page.title,
        link: `${siteUrl}/${page.slug}`,
        when: page.createdAt,
        creator: '',
        guid: `${siteUrl}/?page_id=${wpId}`,
        content: absolute((await renderMarkdown(page.body)).html),
        excerpt: '',
        fields: [
          element('wp:post_id', String(wpId)),
          ...dates(page.createdAt, page.status === 'draft'),
          element('wp:comment_status', cdata('closed')),
          element('wp:ping_status', cdata('closed')),
          element('wp:post_name', cdata(page.slug)),
          element('wp:status', cdata(page.status === 'published' ? 'publish' : 'draft')),
          element('wp:post_parent', '0'),
          element('wp:menu_order', String(page.navOrder ?? 0)),
          element('wp:post_type', cdata('page')),
          element('wp:post_password', cdata('')),
          element('wp:is_sticky', '0'),
        ],
      });
    }
  }

  for (let batch = await exportUploadBatch(0, BATCH); batch.length > 0; batch = await exportUploadBatch(batch.at(-1)!.id, BATCH)) {
    for (const upload of batch) {
      const wpId = ids.posts + ids.pages + upload.id;
      const url = `${siteUrl}/media/${upload.file}`;
      yield item({
        title: upload.originalName || upload.file,
        link: url,
        when: upload.createdAt,
        creator: '',
        guid: url,
        content: '',
        excerpt: upload.caption,
        fields: [
          element('wp:post_id', String(wpId)),
          ...dates(upload.createdAt, false),
          element('wp:comment_status', cdata('closed')),
          element('wp:ping_status', cdata('closed')),
          element('wp:post_name', cdata(upload.file.replace(/\.[a-z0-9]+$/i, ''))),
          element('wp:status', cdata('inherit')),
          element('wp:post_parent', '0'),
          element('wp:menu_order', '0'),
          element('wp:post_type', cdata('attachment')),
          element('wp:post_password', cdata('')),
          element('wp:is_sticky', '0'),
          element('wp:attachment_url', cdata(url)),
          postmeta('_wp_attached_file', upload.file),
          postmeta('_wp_attachment_image_alt', upload.alt),
        ],
      });
    }
  }
  yield '</channel>\n</rss>\n';
}

type ItemParts = { title: string; link: string; when: Date; creator: string; guid: string; content: string; excerpt: string; fields: string[] };

function item(p: ItemParts): string {
  return (
    element(
      'item',
      [
        element('title', cdata(p.title)),
        element('link', escapeXml(p.link)),
        element('pubDate', rfc822(p.when)),
        element('dc:creator', cdata(p.creator)),
        `<guid isPermaLink="false">${escapeXml(p.guid)}</guid>`,
        element('description', ''),
        element('content:encoded', cdata(p.content)),
        element('excerpt:encoded', cdata(p.excerpt)),
        ...p.fields,
      ].join('\n'),
    ) + '\n'
  );
}

const postmeta = (key: string, value: string) => element('wp:postmeta', element('wp:meta_key', cdata(key)) + element('wp:meta_value', cdata(value)));

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** "hearth-export-2026-06-01.xml": the download's and the command's default name. */
export const exportFileName = (now = new Date()) => `hearth-export-${now.toISOString().slice(0, 10)}.xml`;
