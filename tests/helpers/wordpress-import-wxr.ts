/** A small WordPress export (WXR 1.2) written by a test: only the parts the importer reads. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const SITE = 'https://old.example.org';

export type AuthorSpec = { id: string; login: string; email: string; displayName: string };
export type TermSpec = { kind: 'category' | 'tag'; id: string; slug: string; name: string; parent?: string; description?: string };
export type CommentSpec = { id: string; author?: string; email?: string; date: string; content?: string; approved?: string; type?: string; parent?: string; userId?: string };
export type ItemSpec = {
  id: string;
  type?: string;
  title?: string;
  slug?: string;
  link?: string;
  creator?: string;
  content?: string;
  excerpt?: string;
  status?: string;
  dateGmt?: string;
  dateLocal?: string;
  parent?: string;
  attachmentUrl?: string;
  terms?: { kind: 'category' | 'tag'; slug: string; name: string }[];
  meta?: Record<string, string>;
  comments?: CommentSpec[];
};

function item(i: ItemSpec): string {
  const type = i.type ?? 'post';
  const slug = i.slug ?? `post-${i.id}`;
  const meta = Object.entries(i.meta ?? {})
    .map(([k, v]) => `<wp:postmeta><wp:meta_key>${cdata(k)}</wp:meta_key><wp:meta_value>${cdata(v)}</wp:meta_value></wp:postmeta>`)
    .join('');
  const terms = (i.terms ?? []).map((t) => `<category domain="${t.kind === 'category' ? 'category' : 'post_tag'}" nicename="${esc(t.slug)}">${cdata(t.name)}</category>`).join('');
  const comments = (i.comments ?? [])
    .map(
      (c) =>
        `<wp:comment><wp:comment_id>${c.id}</wp:comment_id><wp:comment_author>${cdata(c.author ?? 'Reader')}</wp:comment_author><wp:comment_author_email>${cdata(c.email ?? '')}</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP></wp:comment_author_IP><wp:comment_date>${c.date}</wp:comment_date><wp:comment_date_gmt>${c.date}</wp:comment_date_gmt><wp:comment_content>${cdata(c.content ?? `Comment ${c.id}`)}</wp:comment_content><wp:comment_approved>${cdata(c.approved ?? '1')}</wp:comment_approved><wp:comment_type>${cdata(c.type ?? 'comment')}</wp:comment_type><wp:comment_parent>${c.parent ?? '0'}</wp:comment_parent><wp:comment_user_id>${c.userId ?? '0'}</wp:comment_user_id></wp:comment>`,
    )
    .join('');
  const gmt = i.dateGmt ?? '2024-05-01 08:00:00';
  return `<item><title>${cdata(i.title ?? `Post ${i.id}`)}</title><link>${esc(i.link ?? `${SITE}/2024/05/01/${slug}/`)}</link><pubDate>Wed, 01 May 2024 08:00:00 +0000</pubDate><dc:creator>${cdata(i.creator ?? 'alice')}</dc:creator><guid isPermaLink="false">${SITE}/?p=${i.id}</guid><description></description><content:encoded>${cdata(i.content ?? `<p>Body of ${i.id}</p>`)}</content:encoded><excerpt:encoded>${cdata(i.excerpt ?? '')}</excerpt:encoded><wp:post_id>${i.id}</wp:post_id><wp:post_date>${cdata(i.dateLocal ?? gmt)}</wp:post_date><wp:post_date_gmt>${cdata(gmt)}</wp:post_date_gmt><wp:comment_status>${cdata('open')}</wp:comment_status><wp:ping_status>${cdata('open')}</wp:ping_status><wp:post_name>${cdata(slug)}</wp:post_name><wp:status>${cdata(i.status ?? 'publish')}</wp:status><wp:post_parent>${i.parent ?? '0'}</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>${cdata(type)}</wp:post_type><wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky>${i.attachmentUrl ? `<wp:attachment_url>${cdata(i.attachmentUrl)}</wp:attachment_url>` : ''}${terms}${meta}${comments}</item>`;
}

export function wxr(spec: { authors?: AuthorSpec[]; terms?: TermSpec[]; items?: ItemSpec[] }): string {
  const authors = (spec.authors ?? [{ id: '1', login: 'alice', email: 'alice@example.org', displayName: 'Alice W' }])
    .map(
      (a) =>
        `<wp:author><wp:author_id>${a.id}</wp:author_id><wp:author_login>${cdata(a.login)}</wp:author_login><wp:author_email>${cdata(a.email)}</wp:author_email><wp:author_display_name>${cdata(a.displayName)}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>`,
    )
    .join('');
  const terms = (spec.terms ?? [])
    .map((t) =>
      t.kind === 'category'
        ? `<wp:category><wp:term_id>${t.id}</wp:term_id><wp:category_nicename>${cdata(t.slug)}</wp:category_nicename><wp:category_parent>${cdata(t.parent ?? '')}</wp:category_parent><wp:cat_name>${cdata(t.name)}</wp:cat_name><wp:category_description>${cdata(t.description ?? '')}</wp:category_description></wp:category>`
        : `<wp:tag><wp:term_id>${t.id}</wp:term_id><wp:tag_slug>${cdata(t.slug)}</wp:tag_slug><wp:tag_name>${cdata(t.name)}</wp:tag_name></wp:tag>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old site</title><link>${SITE}</link><description>A test</description><language>en</language><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${SITE}</wp:base_site_url><wp:base_blog_url>${SITE}</wp:base_blog_url>
${authors}${terms}${(spec.items ?? []).map(item).join('\n')}
</channel></rss>
`;
}

/** Writes the export to a temporary file and returns its path. */
export function writeWxr(spec: Parameters<typeof wxr>[0]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-wxr-'));
  const file = path.join(dir, 'export.xml');
  fs.writeFileSync(file, wxr(spec));
  return file;
}
