/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { PostList } from '@/components/posts/post-list';
import type { PostSummary } from '@/db/queries/posts';

const post = (n: number, overrides: Partial<PostSummary> = {}): PostSummary => ({
  id: n,
  slug: `post-${n}`,
  title: `Post ${n}`,
  excerpt: `What post ${n} is about.`,
  publishedAt: '2026-03-14T09:00:00.000Z',
  updatedAt: null,
  readingMinutes: 4,
  commentCount: 0,
  author: { name: 'Robin', slug: 'robin' },
  category: { name: 'Living well', slug: 'living-well' },
  ...overrides,
});

describe('PostList', () => {
  it('shows each card with title, date, author, category, excerpt, reading time and comment count', () => {
    render(<PostList heading="Latest" list={{ posts: [post(1), post(2, { commentCount: 3 })], page: 1, totalPages: 1, total: 2 }} basePath="/" />);
    const cards = screen.getAllByRole('article');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]);
    expect(first.getByRole('link', { name: 'Post 1' })).toHaveAttribute('href', '/posts/post-1');
    expect(first.getByRole('link', { name: 'Living well' })).toHaveAttribute('href', '/category/living-well');
    expect(first.getByRole('link', { name: 'Robin' })).toHaveAttribute('href', '/author/robin');
    expect(first.getByText('14 March 2026')).toHaveAttribute('datetime', '2026-03-14T09:00:00.000Z');
    expect(first.getByText('4 min read')).toBeInTheDocument();
    expect(first.getByText('No comments yet')).toBeInTheDocument();
    expect(first.getByText('What post 1 is about.')).toBeInTheDocument();
    expect(within(cards[1]).getByText('3 comments')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Pagination' })).not.toBeInTheDocument();
  });

  it('links to newer and older pages, with page 1 at the list’s own address', () => {
    render(<PostList heading="Sleep" list={{ posts: [post(1)], page: 2, totalPages: 3, total: 21 }} basePath="/tag/sleep" />);
    const nav = within(screen.getByRole('navigation', { name: 'Pagination' }));
    expect(nav.getByRole('link', { name: /Newer posts/ })).toHaveAttribute('href', '/tag/sleep');
    expect(nav.getByRole('link', { name: /Older posts/ })).toHaveAttribute('href', '/tag/sleep/page/3');
    expect(nav.getByText('Page 2 of 3')).toBeInTheDocument();
  });

  it('says so kindly when nothing is published', () => {
    render(<PostList heading="Empty" list={{ posts: [], page: 1, totalPages: 1, total: 0 }} basePath="/" />);
    expect(screen.getByText('Nothing has been published here yet.')).toBeInTheDocument();
  });
});
