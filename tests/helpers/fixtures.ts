/** Rows written straight into the test database, for query and page tests. */
import { getDb } from '@/db/index';
import { categories, posts, postTags, subscriberCategories, subscribers, tags, users, type NewPost, type PostStatus } from '@/db/schema';

let counter = 0;
const next = () => ++counter;

export function createAuthor(overrides: Partial<typeof users.$inferInsert> = {}) {
  const n = next();
  return getDb()
    .insert(users)
    .values({ name: `Author ${n}`, email: `author${n}@example.org`, role: 'author', slug: `author-${n}`, ...overrides })
    .returning()
    .get();
}

export function createCategory(slug = `category-${next()}`) {
  return getDb()
    .insert(categories)
    .values({ slug, name: slug.replace(/-/g, ' ') })
    .returning()
    .get();
}

export function createTag(slug = `tag-${next()}`) {
  return getDb().insert(tags).values({ slug, name: slug }).returning().get();
}

type PostInput = Partial<NewPost> & { authorId: string; status?: PostStatus; tagIds?: number[] };

export function createPost({ tagIds = [], ...input }: PostInput) {
  const n = next();
  const post = getDb()
    .insert(posts)
    .values({
      slug: `post-${n}`,
      title: `Post ${n}`,
      excerpt: `Excerpt ${n}`,
      body: `Body of post ${n}.`,
      status: 'published',
      publishedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000),
      ...input,
    })
    .returning()
    .get();
  for (const tagId of tagIds) getDb().insert(postTags).values({ postId: post.id, tagId }).run();
  return post;
}

type SubscriberInput = Partial<typeof subscribers.$inferInsert> & { categoryIds?: number[] };

/** A subscriber written straight into the database (confirmed unless told otherwise). */
export function createSubscriber({ categoryIds = [], ...input }: SubscriberInput = {}) {
  const n = next();
  const subscriber = getDb()
    .insert(subscribers)
    .values({ email: `subscriber${n}@example.org`, status: 'confirmed', confirmedAt: new Date(Date.UTC(2025, 0, 1)), allCategories: categoryIds.length === 0, ...input })
    .returning()
    .get();
  for (const categoryId of categoryIds) getDb().insert(subscriberCategories).values({ subscriberId: subscriber.id, categoryId }).run();
  return subscriber;
}
