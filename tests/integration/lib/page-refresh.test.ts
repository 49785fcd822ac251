/** The worker's signed request to refresh cached pages: only a fresh, untampered token is accepted. */
import { isValidPageRefreshToken, pageRefreshToken } from '@/lib/page-refresh';
import { manageToken } from '@/lib/subscriptions/links';

describe('page refresh tokens', () => {
  it('accepts a fresh token and refuses old, future, tampered or foreign ones', () => {
    const now = Date.now();
    expect(isValidPageRefreshToken(pageRefreshToken(now), now)).toBe(true);
    expect(isValidPageRefreshToken(pageRefreshToken(now - 61_000), now)).toBe(false);
    expect(isValidPageRefreshToken(pageRefreshToken(now + 61_000), now)).toBe(false);
    expect(isValidPageRefreshToken(`${pageRefreshToken(now)}x`, now)).toBe(false);
    expect(isValidPageRefreshToken(manageToken({ id: 1, email: 'a@example.org' }), now)).toBe(false);
    expect(isValidPageRefreshToken(undefined, now)).toBe(false);
  });
});
