/**
 * Rows written straight into the test database, for query and page tests. Each writes through withTransaction
 * and is awaited, so the same fixtures serve the SQLite and the PostgreSQL runs.
 */
import { withTransaction } from '@/db/transaction';
import { categories, posts, postTags, subscriberCategories, subscribers, tags, users, type NewPost, type PostStatus } from '@/db/schema';

let counter = 0;
const next = () => ++counter;

export async function createAuthor(overrides: Partial<typeof users.$inferInsert> = {}) {
  const n = next();
  const [author] = await withTransaction((tx) =>
    tx
      .insert(users)
      .values({ name: `Author ${n}`, email: `author${n}@example.org`, role: 'author', slug: `author-${n}`, ...overrides })
      .returning(),
  );
  return author;
}

export async function createCategory(slug = `category-${next()}`) {
  const [category] = await withTransaction((tx) =>
    tx
      .insert(categories)
      .values({ slug, name: slug.replace(/-/g, ' ') })
      .returning(),
  );
  return category;
}

export async function createTag(slug = `tag-${next()}`) {
  const [tag] = await withTransaction((tx) => tx.insert(tags).values({ slug, name: slug }).returning());
  return tag;
}

type PostInput = Partial<NewPost> & { authorId: string; status?: PostStatus; tagIds?: number[] };

export async function createPost({ tagIds = [], ...input }: PostInput) {
  const n = next();
  return withTransaction(async (tx) => {
    const [post] = await tx
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
      .returning();
    if (tagIds.length > 0) await tx.insert(postTags).values(tagIds.map((tagId) => ({ postId: post.id, tagId })));
    return post;
  });
}

type SubscriberInput = Partial<typeof subscribers.$inferInsert> & { categoryIds?: number[] };

/** A subscriber written straight into the database (confirmed unless told otherwise). */
export async function createSubscriber({ categoryIds = [], ...input }: SubscriberInput = {}) {
  const n = next();
  return withTransaction(async (tx) => {
    const [subscriber] = await tx
      .insert(subscribers)
      .values({ email: `subscriber${n}@example.org`, status: 'confirmed', confirmedAt: new Date(Date.UTC(2025, 0, 1)), allCategories: categoryIds.length === 0, ...input })
      .returning();
    if (categoryIds.length > 0) await tx.insert(subscriberCategories).values(categoryIds.map((categoryId) => ({ subscriberId: subscriber.id, categoryId })));
    return subscriber;
  });
}
