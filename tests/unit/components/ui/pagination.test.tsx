/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { PageBar } from '@/components/ui/pagination';

// The admin lists and search hand the bar one way to address a page; it builds both links and the status.
describe('PageBar', () => {
  const hrefFor = (n: number) => `/admin/subscribers?${new URLSearchParams({ q: 'Zoë O’Brien-Ñúñez', page: String(n) })}`;

  it('is absent when everything fits on one page', () => {
    const { container } = render(<PageBar label="Pages of subscribers" page={1} totalPages={1} hrefFor={hrefFor} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('links the neighbouring pages through hrefFor, with the default words', () => {
    render(<PageBar label="Pages of subscribers" page={2} totalPages={3} hrefFor={hrefFor} />);
    const nav = screen.getByRole('navigation', { name: 'Pages of subscribers' });
    expect(nav).toHaveTextContent('Page 2 of 3');
    expect(screen.getByRole('link', { name: '← Previous' })).toHaveAttribute('href', hrefFor(1));
    expect(screen.getByRole('link', { name: '← Previous' })).toHaveAttribute('rel', 'prev');
    expect(screen.getByRole('link', { name: 'Next →' })).toHaveAttribute('href', hrefFor(3));
    expect(screen.getByRole('link', { name: 'Next →' })).toHaveAttribute('rel', 'next');
  });

  it('leaves the missing side empty on the first and last pages, with the words it is given', () => {
    const { rerender } = render(<PageBar label="Pages of activity" page={1} totalPages={2} hrefFor={(n) => `/admin/activity?page=${n}`} prevText="← Newer" nextText="Older →" />);
    expect(screen.queryByRole('link', { name: '← Newer' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Older →' })).toHaveAttribute('href', '/admin/activity?page=2');
    rerender(<PageBar label="Pages of activity" page={2} totalPages={2} hrefFor={(n) => `/admin/activity?page=${n}`} prevText="← Newer" nextText="Older →" />);
    expect(screen.getByRole('link', { name: '← Newer' })).toHaveAttribute('href', '/admin/activity?page=1');
    expect(screen.queryByRole('link', { name: 'Older →' })).not.toBeInTheDocument();
    expect(screen.getByRole('navigation').querySelectorAll(':scope > span:not(.pagination__status)')).toHaveLength(1);
  });

  it('never states a page beyond the last (a search page number past the results)', () => {
    render(<PageBar label="Search result pages" page={5} totalPages={3} hrefFor={(n) => `/search?page=${n}`} />);
    expect(screen.getByRole('navigation')).toHaveTextContent('Page 3 of 3');
    expect(screen.getByRole('link', { name: '← Previous' })).toHaveAttribute('href', '/search?page=4');
    expect(screen.queryByRole('link', { name: 'Next →' })).not.toBeInTheDocument();
  });
});
