/**
 * The shape of a WordPress export (WXR 1.2) as Hearth reads it: what lib/wordpress/wxr-reader.ts emits,
 * item by item, what lib/wordpress/import.ts writes, and what lib/wordpress/wxr-writer.ts produces on the
 * way out. Strings are as WordPress wrote them (CDATA unwrapped, entities decoded); nothing is trusted yet.
 */

export type WxrSite = {
  title: string;
  /** <link>: the site's address, e.g. "https://old.example.org". */
  link: string;
  description: string;
  /** <wp:base_site_url> / <wp:base_blog_url>. */
  baseSiteUrl: string;
  baseBlogUrl: string;
  /** <wp:wxr_version>, e.g. "1.2". */
  wxrVersion: string;
};

export type WxrAuthor = {
  /** <wp:author_id> */
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
};

/** <wp:category> (kind "category") or <wp:tag> (kind "tag"), declared at the top of the export. */
export type WxrTerm = {
  kind: 'category' | 'tag';
  /** <wp:term_id> */
  id: string;
  slug: string;
  name: string;
  /** The parent category's slug ("" for none); tags have none. */
  parentSlug: string;
  description: string;
};

export type WxrComment = {
  /** <wp:comment_id> */
  id: string;
  author: string;
  authorEmail: string;
  authorUrl: string;
  /** <wp:comment_date_gmt> parsed as UTC; null when WordPress wrote "0000-00-00 00:00:00". */
  dateGmt: Date | null;
  content: string;
  /** <wp:comment_approved>: "1" approved, "0" pending, "spam", "trash" (anything else is kept as written). */
  approved: string;
  /** <wp:comment_type>: "" or "comment" for comments, "pingback", "trackback", others. */
  type: string;
  /** <wp:comment_parent>: "0" for top level. */
  parentId: string;
  /** <wp:comment_user_id>: "0" for a guest, else a WordPress user id (an author's <wp:author_id>). */
  userId: string;
};

/** <category domain="category|post_tag" nicename="slug">Name</category> inside an item. */
export type WxrItemTerm = { kind: 'category' | 'tag'; slug: string; name: string };

export type WxrItem = {
  /** <wp:post_id> */
  id: string;
  /** <wp:post_type>: "post", "page", "attachment", "nav_menu_item", "wp_block", … */
  type: string;
  title: string;
  /** <link>: the item's permalink on the old site. */
  link: string;
  /** <guid>, e.g. "https://old.example.org/?p=42". */
  guid: string;
  /** <dc:creator>: the author's login. */
  creator: string;
  /** <content:encoded> */
  content: string;
  /** <excerpt:encoded> */
  excerpt: string;
  /** <wp:post_date_gmt> as UTC; null for "0000-00-00 00:00:00" (drafts). */
  dateGmt: Date | null;
  /** <wp:post_date> as written, site-local time "YYYY-MM-DD HH:MM:SS" (used only when dateGmt is null). */
  dateLocal: string;
  /** <wp:post_name> */
  slug: string;
  /** <wp:status>: publish, future, draft, pending, private, trash, inherit, auto-draft. */
  status: string;
  /** <wp:post_parent>: "0" for none. */
  parentId: string;
  /** <wp:menu_order> */
  menuOrder: number;
  /** <wp:is_sticky> = "1" */
  sticky: boolean;
  /** <wp:comment_status> = "open" */
  commentsOpen: boolean;
  /** <wp:attachment_url> for attachments, else "". */
  attachmentUrl: string;
  terms: WxrItemTerm[];
  /** <wp:postmeta> as key → value (the last value wins): _thumbnail_id, _wp_attached_file, _wp_attachment_image_alt, … */
  meta: Record<string, string>;
  comments: WxrComment[];
};

/** What the reader hands on, in document order: the site first, then authors and terms, then items. */
export type WxrEntry = { kind: 'site'; site: WxrSite } | { kind: 'author'; author: WxrAuthor } | { kind: 'term'; term: WxrTerm } | { kind: 'item'; item: WxrItem };

/** Bytes of the export read so far, and its whole size (0 when unknown), for progress bars. */
export type ReadProgress = { bytesRead: number; bytesTotal: number };

/**
 * A clear reason the export cannot be read at all: not XML, not a WordPress export, truncated, an XML
 * bomb, too large, a wrong encoding. Raised before anything is written (the importer reads first).
 */
export class WxrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WxrError';
  }
}

/**
 * The files of a site's wp-content/uploads, from a folder or a .zip of it (lib/wordpress/uploads-source.ts
 * opens both, refusing unsafe archives). Paths are relative to the uploads folder: "2024/05/x.jpg".
 */
export interface UploadsSource {
  /** The file's bytes, or null when the folder or archive has no such file. */
  read(relativePath: string): Promise<Buffer | null>;
  close(): Promise<void>;
}
