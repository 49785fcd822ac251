/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { PostMeta } from '@/components/posts/post-meta';
import { PostNeighbours } from '@/components/posts/post-neighbours';
import { TableOfContents } from '@/components/posts/table-of-contents';
import { pageHref } from '@/components/ui/pagination';

describe('TableOfContents', () => {
  const headings = [
    { level: 2, id: 'a', text: 'First' },
    { level: 3, id: 'b', text: 'Second' },
    { level: 2, id: 'c', text: 'Third' },
  ];
  it('appears with three or more headings, linking to their anchors', () => {
    render(<TableOfContents headings={headings} />);
    expect(screen.getByRole('navigation', { name: 'On this page' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Second' })).toHaveAttribute('href', '#b');
    // The h3 nests inside the first h2's item, so the top level counts only the h2s.
    const nav = screen.getByRole('navigation', { name: 'On this page' });
    expect(nav.querySelectorAll(':scope > ol > li')).toHaveLength(2);
    expect(nav.querySelector('ol > li:first-child ul a')).toHaveTextContent('Second');
  });
  it('stays away from short posts', () => {
    const { container } = render(<TableOfContents headings={headings.slice(0, 2)} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('PostMeta', () => {
  it('shows "Updated" only for edited posts and links the comment count to the thread', () => {
    const post = {
      id: 1,
      slug: 's',
      title: 'T',
      excerpt: '',
      publishedAt: '2026-01-02T00:00:00.000Z',
      updatedAt: '2026-02-03T00:00:00.000Z',
      readingMinutes: 2,
      commentCount: 1,
      author: { name: 'Sam', slug: null },
      category: null,
    };
    render(<PostMeta post={post} linkComments />);
    expect(screen.getByText('3 February 2026')).toBeInTheDocument();
    expect(screen.getByText(/Updated/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '1 comment' })).toHaveAttribute('href', '#comments');
    expect(screen.queryByRole('link', { name: 'Sam' })).not.toBeInTheDocument();
  });
});

describe('PostNeighbours', () => {
  it('links to the previous and next posts', () => {
    render(<PostNeighbours previous={{ slug: 'old', title: 'Older one' }} next={null} />);
    expect(screen.getByRole('link', { name: /Older one/ })).toHaveAttribute('href', '/posts/old');
    expect(screen.queryByText('Next post')).not.toBeInTheDocument();
  });
});

describe('pageHref', () => {
  it('puts page 1 at the base and later pages under /page/N', () => {
    expect(pageHref('/', 1)).toBe('/');
    expect(pageHref('/', 2)).toBe('/page/2');
    expect(pageHref('/category/x', 3)).toBe('/category/x/page/3');
  });
});
