/** @jest-environment jsdom */
/**
 * The post's delivery panel asks the route again while emails are queued, and stops once none are.
 * (The route and the figures themselves are tested against a real database and SMTP server.)
 */
import { act, render, screen } from '@testing-library/react';
import { PostDeliveryPanel } from '@/components/admin/post-delivery-panel';
import type { PostDeliveryView } from '@/lib/subscriptions/post-delivery';

const view = (queued: number, sent: number, failed = 0): PostDeliveryView => ({
  counts: { queued, sent, failed, cancelled: 0 },
  lines: failed ? [{ id: 1, to: 'gone@example.org', state: 'failed', reason: '550 No such mailbox here', sentAt: null }] : [],
});

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('updates the figures every few seconds while anything is queued, then stops asking', async () => {
  const answers = [view(1, 2, 1), view(0, 3, 1)];
  const asked: string[] = [];
  global.fetch = jest.fn(async (url: string) => {
    asked.push(url);
    const answer = answers.shift();
    return { ok: true, json: async () => answer };
  }) as unknown as typeof fetch;
  render(<PostDeliveryPanel postId={7} initial={view(3, 0)} />);
  const stats = screen.getAllByRole('definition');
  expect(stats.map((d) => d.textContent)).toEqual(['3', '0', '0', '0']);

  await act(async () => jest.advanceTimersByTimeAsync(3000));
  expect(screen.getAllByRole('definition').map((d) => d.textContent)).toEqual(['1', '2', '1', '0']);
  expect(screen.getByText('gone@example.org')).toBeInTheDocument();
  expect(screen.getByText('(550 No such mailbox here)')).toBeInTheDocument();

  await act(async () => jest.advanceTimersByTimeAsync(3000));
  expect(screen.getAllByRole('definition').map((d) => d.textContent)).toEqual(['0', '3', '1', '0']);
  await act(async () => jest.advanceTimersByTimeAsync(30_000));
  expect(asked).toEqual(['/api/admin/posts/7/delivery', '/api/admin/posts/7/delivery']);
  expect(screen.getByRole('link', { name: 'Refresh' })).toHaveAttribute('href', '/admin/posts/7#delivery-heading');
});
