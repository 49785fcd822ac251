/** @jest-environment jsdom */
/** The header's account menu leads staff into the admin area: the dashboard for all staff, a new post for those who write. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { AccountMenu } from '@/components/layout/account-menu';
import type { UserRole } from '@/db/schema';

jest.mock('next/navigation', () => ({ usePathname: () => '/posts/pacing' }));

/** The header as `role` sees it once /api/me has answered. */
async function headerAs(role: UserRole, name: string) {
  cleanup();
  global.fetch = jest.fn(async () => ({ ok: true, json: async () => ({ user: { name, role } }) })) as unknown as typeof fetch;
  render(<AccountMenu signOutAction={async () => {}} />);
  await screen.findByRole('button', { name: 'Sign out' });
  await act(async () => {});
  const href = (label: string) => screen.queryByRole('link', { name: label })?.getAttribute('href') ?? null;
  return { dashboard: href('Dashboard'), newPost: href('Write a post') };
}

it('shows each signed-in role the admin links it may use, and a member none', async () => {
  const seen: Record<string, { dashboard: string | null; newPost: string | null }> = {};
  for (const [role, name] of [
    ['admin', 'Zoë O’Brien-Ñúñez'],
    ['author', 'Łukasz “Luke” ‹Żółć›'],
    ['moderator', 'Sam 🌻'],
    ['member', 'Bjørn Ødegård'],
  ] as const) {
    seen[role] = await headerAs(role, name);
    expect(screen.getByText(name).closest('summary')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Your account' })).toHaveAttribute('href', '/account');
  }
  expect(seen).toEqual({
    admin: { dashboard: '/admin', newPost: '/admin/posts/new' },
    author: { dashboard: '/admin', newPost: '/admin/posts/new' },
    moderator: { dashboard: '/admin', newPost: null },
    member: { dashboard: null, newPost: null },
  });
});
