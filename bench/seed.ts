/**
 * The benchmark's database: the demo site (db/seed.ts) topped up to a busy blog in one transaction,
 * through the real migrations and the real tables: published posts of realistic lengths with
 * categories and tags, one post with a threaded discussion (three levels, each comment by a
 * different member), and confirmed subscribers.
 * bench/seed-cli.ts runs it in a process of its own (the app's modules need the react-server condition).
 */
import { and, count, eq } from 'drizzle-orm';
import { seedIfEmpty } from '@/db/seed';
import { withTransaction } from '@/db/transaction';
import { categories, comments, posts, postTags, subscriberCategories, subscribers, tags, users } from '@/db/schema';
import { renderCommentMarkdown } from '@/lib/markdown';
import { commentBody, postBody, postTitle, randomSource, sentence } from './seed-text';

export type BenchSizes = { posts: number; threadComments: number; subscribers: number };
export type BenchData = {
  /** The newest post, carrying the long threaded discussion. */
  threadPost: { id: number; slug: string; comments: number };
  /** Where the comment-submission target writes (another post, so the thread page stays as measured). */
  commentPost: { id: number; slug: string };
  /** One address per thread comment; each of these members already has an approved comment. */
  memberEmails: string[];
  searchTerm: string;
};

const HOUR = 3_600_000;
const memberEmail = (n: number) => `member-${String(n).padStart(4, '0')}@example.org`;

export async function seedBenchData(sizes: BenchSizes, now = new Date()): Promise<BenchData> {
  await seedIfEmpty();
  const random = randomSource(20_260_101);
  return withTransaction(async (tx) => {
    const authorIds = (await tx.select({ id: users.id }).from(users).where(eq(users.role, 'author'))).map((r) => r.id);
    const categoryIds = (await tx.select({ id: categories.id }).from(categories)).map((r) => r.id);
    const tagIds = (await tx.select({ id: tags.id }).from(tags)).map((r) => r.id);
    const [{ n: published }] = await tx.select({ n: count() }).from(posts).where(eq(posts.status, 'published'));

    // Oldest first, so the last two are the newest posts on the home page.
    const toAdd = Math.max(2, sizes.posts - published);
    const added: { id: number; slug: string }[] = [];
    for (let i = 0; i < toAdd; i++) {
      const age = i === toAdd - 1 ? 1 : i === toAdd - 2 ? 2 : (toAdd - i) * 36;
      const isThreadPost = i === toAdd - 1;
      const title = isThreadPost ? 'Pacing through a flare: what two hundred of you told us' : postTitle(random, i + 1);
      const [row] = await tx
        .insert(posts)
        .values({
          slug: isThreadPost ? 'pacing-through-a-flare' : `bench-post-${i + 1}`,
          title,
          excerpt: sentence(random),
          body: postBody(random, isThreadPost ? 20_000 : random.int(2_000, 12_000)),
          status: 'published',
          publishedAt: new Date(now.getTime() - age * HOUR),
          authorId: random.pick(authorIds),
          categoryId: random.pick(categoryIds),
        })
        .returning({ id: posts.id, slug: posts.slug });
      for (const tagId of new Set(Array.from({ length: random.int(1, 4) }, () => random.pick(tagIds)))) {
        await tx.insert(postTags).values({ postId: row.id, tagId });
      }
      added.push(row);
    }
    const threadPost = added[added.length - 1];
    const commentPost = added[added.length - 2];

    // The thread: each comment by its own member, replies to recent comments nesting up to three levels.
    const thread: { id: number; depth: number }[] = [];
    const memberEmails: string[] = [];
    const threadStart = now.getTime() - HOUR + 60_000;
    for (let n = 1; n <= sizes.threadComments; n++) {
      const email = memberEmail(n);
      const [member] = await tx
        .insert(users)
        .values({ name: `${random.pick(['Ash', 'Bea', 'Cal', 'Dee', 'Eli', 'Fen', 'Gus', 'Ivy'])} ${n}`, email, emailVerified: now, role: 'member' })
        .returning({ id: users.id });
      memberEmails.push(email);
      const parent = thread.length > 3 && random.next() < 0.65 ? random.pick(thread.slice(-12).filter((c) => c.depth < 3)) : undefined;
      const body = commentBody(random);
      const [comment] = await tx
        .insert(comments)
        .values({
          postId: threadPost.id,
          parentId: parent?.id ?? null,
          depth: parent ? parent.depth + 1 : 1,
          authorId: member.id,
          body,
          html: renderCommentMarkdown(body),
          status: 'approved',
          createdAt: new Date(threadStart + n * 15_000),
        })
        .returning({ id: comments.id, depth: comments.depth });
      thread.push(comment);
    }

    // This week's digest already went out (as on a running site), so the mail worker starts idle.
    for (let first = 1; first <= sizes.subscribers; first += 500) {
      const batch = Array.from({ length: Math.min(500, sizes.subscribers - first + 1) }, (_, k) => ({
        email: `reader-${first + k}@example.org`,
        status: 'confirmed' as const,
        frequency: random.next() < 0.7 ? ('each-post' as const) : ('weekly' as const),
        allCategories: random.next() < 0.7,
        confirmedAt: new Date(now.getTime() - random.int(1, 900) * 24 * HOUR),
        lastDigestAt: now,
      }));
      const rows = await tx.insert(subscribers).values(batch).returning({ id: subscribers.id, all: subscribers.allCategories });
      const choices = rows.filter((r) => !r.all).map((r) => ({ subscriberId: r.id, categoryId: random.pick(categoryIds) }));
      if (choices.length > 0) await tx.insert(subscriberCategories).values(choices);
    }

    const [{ n: threadComments }] = await tx
      .select({ n: count() })
      .from(comments)
      .where(and(eq(comments.postId, threadPost.id), eq(comments.status, 'approved')));
    return { threadPost: { ...threadPost, comments: threadComments }, commentPost, memberEmails, searchTerm: 'pacing' };
  });
}
