/** A heading, a page of post cards and its pagination: the body of every post listing. */
import type { ReactNode } from 'react';
import type { PostPage } from '@/db/queries/posts';
import { Pagination } from '@/components/ui/pagination';
import { PostCard } from './post-card';

type Props = { heading: ReactNode; intro?: ReactNode; list: PostPage; basePath: string; visuallyHiddenHeading?: boolean };

export function PostList({ heading, intro, list, basePath, visuallyHiddenHeading = false }: Props) {
  return (
    <>
      <header className="list-header">
        <h1 className={visuallyHiddenHeading ? 'visually-hidden' : undefined}>{heading}</h1>
        {intro}
      </header>
      {list.posts.length === 0 ? (
        <p className="empty-state">Nothing has been published here yet.</p>
      ) : (
        <ol className="post-list">
          {list.posts.map((post) => (
            <li key={post.id}>
              <PostCard post={post} />
            </li>
          ))}
        </ol>
      )}
      <Pagination basePath={basePath} page={list.page} totalPages={list.totalPages} />
    </>
  );
}
