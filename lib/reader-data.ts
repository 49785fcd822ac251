/**
 * The reads behind reader pages, each tagged for invalidation. Pages import from here so
 * that every cached page carries the tags of the data it shows.
 */
import 'server-only';
import { listThread } from '@/db/queries/comment-thread';
import { getPageBySlug, listNavPages } from '@/db/queries/pages';
import { getAdjacentPosts, getPublishedPostBySlug, listArchive, listPopularPosts, listPublishedPosts, listRelatedPosts } from '@/db/queries/posts';
import { getCommentSettings, getSiteIdentity, getSiteSettings } from '@/db/queries/settings';
import { listMenu } from '@/db/queries/menu';
import { getCategoryBySlug, getRenamedCategorySlug, getRenamedTagSlug, getTagBySlug, listCategories } from '@/db/queries/taxonomy';
import { getAuthorBySlug } from '@/db/queries/authors';
import { TAGS, taggedRead } from './cache';
import { threadPage } from './comments/thread-pages';

export const readSite = taggedRead('site', getSiteSettings, () => [TAGS.site]);
export const readCommentPrivacy = taggedRead(
  'comment-privacy',
  async () => {
    const { membersOnly, noSnippet } = await getCommentSettings();
    return { membersOnly, noSnippet };
  },
  () => [TAGS.site],
);
/** The site's time zone and date format, for every date shown and the archive's months. */
export const readDateStyle = taggedRead(
  'date-style',
  async () => {
    const { timeZone, dateFormat } = await getSiteIdentity();
    return { timeZone, dateFormat };
  },
  () => [TAGS.site],
);
/** Icon and logo: their upload ids version the icon addresses, so a new upload gets new URLs. */
export const readSiteIdentity = taggedRead('site-identity', getSiteIdentity, () => [TAGS.site]);
export const readNavPages = taggedRead('nav-pages', listNavPages, () => [TAGS.site]);
export const readCategories = taggedRead('categories', listCategories, () => [TAGS.site, TAGS.posts]);
/** The header's menu: page titles, category names and the menu itself all change under the site tag. */
export const readMenu = taggedRead('menu', listMenu, () => [TAGS.site]);
export const readPage = taggedRead('page', getPageBySlug, () => [TAGS.site]);

export const readPostList = taggedRead('post-list', listPublishedPosts, () => [TAGS.posts, TAGS.comments]);
export const readArchive = taggedRead('archive', listArchive, () => [TAGS.posts]);
export const readPost = taggedRead('post', getPublishedPostBySlug, (slug) => [TAGS.posts, TAGS.post(slug)]);
/** One page of a post's thread (0: the newest conversations, on the post page itself); only that page is cached with the page. */
export const readThreadPage = taggedRead(
  'thread-page',
  async (postId: number, _slug: string, page: number) => threadPage(await listThread(postId), page),
  (_id, slug) => [TAGS.post(slug)],
);
export const readRelatedPosts = taggedRead('related', listRelatedPosts, () => [TAGS.posts]);
export const readPopularPosts = taggedRead('popular', listPopularPosts, () => [TAGS.posts, TAGS.comments]);
export const readAdjacentPosts = taggedRead('adjacent', getAdjacentPosts, () => [TAGS.posts]);

export const readCategory = taggedRead('category', getCategoryBySlug, () => [TAGS.posts]);
export const readTag = taggedRead('tag', getTagBySlug, () => [TAGS.posts]);
/** Where a renamed (or merged, or deleted-into) category's or tag's old slug leads now. */
export const readRenamedCategory = taggedRead('renamed-category', getRenamedCategorySlug, () => [TAGS.posts]);
export const readRenamedTag = taggedRead('renamed-tag', getRenamedTagSlug, () => [TAGS.posts]);
export const readAuthor = taggedRead('author', getAuthorBySlug, () => [TAGS.posts]);
