/**
 * The member's comments on /account, each linked to where it is shown (its Edit and Delete buttons are
 * there). Comments they left as a guest on the old site appear here once they signed in with that address.
 */
import type { AccountComment } from '@/db/queries/account-comments';
import { SiteDate } from '@/components/layout/site-date';
import { commentPermalink } from '@/lib/comments/thread-pages';

export function OwnComments({ comments }: { comments: AccountComment[] }) {
  if (comments.length === 0) return <p>You have not written any comments yet.</p>;
  return (
    <ul className="own-comments">
      {comments.map((c) => (
        <li key={c.id}>
          <a href={c.status === 'approved' ? commentPermalink(c.id) : `/posts/${c.postSlug}#comment-${c.id}`}>On “{c.postTitle}”</a>, <SiteDate iso={c.createdAt} />
          {c.status === 'pending' && ' (awaiting moderation)'}
          <br />
          <span className="own-comments__excerpt">{c.excerpt}</span>
        </li>
      ))}
    </ul>
  );
}
