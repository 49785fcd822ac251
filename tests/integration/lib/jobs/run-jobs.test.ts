/**
 * runJobs takes each job's lock (db/job-lock.ts): while another instance runs "scheduled posts", a due post is left
 * for it; once it lets go, the next run publishes the post.
 */
import { eq } from 'drizzle-orm';
import { Client } from 'pg';
import { databaseEngine } from '@/db/database-file';
import { getDb } from '@/db/index';
import { posts } from '@/db/schema';
import { runJobs } from '@/lib/jobs/run-jobs';
import { createAuthor, createPost } from '../../../helpers/fixtures';

const statusOf = async (id: number) => (await getDb().select({ status: posts.status }).from(posts).where(eq(posts.id, id)))[0].status;

if (databaseEngine() === 'postgres') {
  it('leaves a job another instance is running to it, and runs it once that instance lets go', async () => {
    const author = await createAuthor();
    const post = await createPost({ authorId: author.id, status: 'scheduled', publishedAt: new Date(Date.now() - 60_000) });
    const otherInstance = new Client({ connectionString: process.env.DATABASE_URL });
    await otherInstance.connect();
    try {
      await otherInstance.query("SELECT pg_advisory_lock(hashtext('hearth job scheduled posts'))");
      expect(await runJobs()).toEqual([]);
      expect(await statusOf(post.id)).toBe('scheduled');
      await otherInstance.query("SELECT pg_advisory_unlock(hashtext('hearth job scheduled posts'))");
    } finally {
      await otherInstance.end();
    }
    expect(await runJobs()).toEqual([post.slug]);
    expect(await statusOf(post.id)).toBe('published');
  });
} else {
  it('publishes a due scheduled post on SQLite, where nothing else can hold the job', async () => {
    const author = await createAuthor();
    const post = await createPost({ authorId: author.id, status: 'scheduled', publishedAt: new Date(Date.now() - 60_000) });
    expect(await runJobs()).toEqual([post.slug]);
    expect(await statusOf(post.id)).toBe('published');
  });
}
