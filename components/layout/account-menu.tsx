'use client';
/**
 * The signed-in part of the header. It asks /api/me after the page loads, so the page itself
 * stays the same cached HTML for every visitor. Without JavaScript it is a "Sign in" link.
 * Signed in, it is one small menu (a <details>) so a phone header stays one row.
 * Staff get their way into the admin area here (the pages check the role again; these links only save a detour).
 */
import { usePathname } from 'next/navigation';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { clearAllDrafts } from '@/components/comments/comment-draft';
import { InitialsAvatar } from '@/components/ui/initials-avatar';
import type { UserRole } from '@/db/schema-values';
import { canWritePosts, isStaff } from '@/lib/roles';

type Me = { name: string | null; role: UserRole } | null;

export function AccountMenu({ signOutAction }: { signOutAction: () => Promise<void> }) {
  const [me, setMe] = useState<Me>(null);
  const pathname = usePathname();
  useEffect(() => {
    let cancelled = false;
    fetch('/api/me', { cache: 'no-store', credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : { user: null }))
      .then((body: { user: Me }) => !cancelled && setMe(body.user))
      .catch(() => !cancelled && setMe(null));
    return () => {
      cancelled = true;
    };
  }, [pathname]);

  if (!me) {
    const back = pathname && !pathname.startsWith('/signin') ? `?${new URLSearchParams({ callbackUrl: pathname })}` : '';
    return (
      <a className="account-menu__signin" href={`/signin${back}`}>
        Sign in
      </a>
    );
  }
  // Escape closes the open menu and leaves focus on its toggle.
  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== 'Escape' || !event.currentTarget.open) return;
    event.currentTarget.open = false;
    event.currentTarget.querySelector('summary')?.focus();
  };
  return (
    <details className="account-menu" onKeyDown={closeOnEscape}>
      <summary>
        <InitialsAvatar name={me.name} size={32} />
        <span className="account-menu__name">{me.name ?? 'Choose a display name'}</span>
      </summary>
      <div className="account-menu__panel">
        <a href={me.name ? '/account' : '/welcome'} className="account-menu__link">
          {me.name ? 'Your account' : 'Choose a display name'}
        </a>
        {isStaff(me.role) && (
          // eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain full page load, like the links beside it (the rule sees only some routes: none inside route groups)
          <a href="/admin" className="account-menu__link">
            Dashboard
          </a>
        )}
        {canWritePosts(me.role) && (
          // eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain full page load, like the links beside it (the rule sees only some routes: none inside route groups)
          <a href="/admin/posts/new" className="account-menu__link">
            Write a post
          </a>
        )}
        {/* Comment drafts are forgotten before the session ends, so the next person here is offered none. */}
        <form action={signOutAction} onSubmit={clearAllDrafts}>
          <button type="submit" className="button--quiet">
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
