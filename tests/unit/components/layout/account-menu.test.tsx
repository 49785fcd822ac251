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
  return { dashboard: href('Dashboard'), newPost: href('Write a new post') };
}

it.each<[UserRole, string, { dashboard: string | null; newPost: string | null }]>([
  ['admin', 'Zoë O’Brien-Ñúñez', { dashboard: '/admin', newPost: '/admin/posts/new' }],
  ['author', 'Łukasz “Luke” ‹Żółć›', { dashboard: '/admin', newPost: '/admin/posts/new' }],
  ['moderator', 'Sam 🌻', { dashboard: '/admin', newPost: null }],
  ['member', 'Bjørn Ødegård', { dashboard: null, newPost: null }],
])('shows a signed-in %s the admin links they may use', async (role, name, expected) => {
  expect(await headerAs(role, name)).toEqual(expected);
  expect(screen.getByRole('link', { name })).toHaveAttribute('href', '/account');
});
