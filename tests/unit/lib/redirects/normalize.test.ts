import { normalizeRedirectPath } from '@/lib/redirects/normalize';

describe('normalizeRedirectPath', () => {
  it.each([
    ['/2024/05/01/pacing/', '/2024/05/01/pacing'],
    ['/2024/05/01/pacing', '/2024/05/01/pacing'],
    ['https://old.example.org/2024/05/01/Pacing//', '/2024/05/01/pacing'],
    ['/category/living-well/feed/', '/category/living-well/feed'],
    ['/', '/'],
    ['/?p=42', '/?p=42'],
    ['https://old.example.org/?page_id=7&utm_source=chat', '/?page_id=7'],
    ['/caf%C3%A9-au-lait/', '/café-au-lait'],
    ['/CAF%C3%89/', '/café'],
    ['/pacing/?utm_source=newsletter', '/pacing'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeRedirectPath(input)).toBe(expected);
  });

  it.each(['', '   ', 'javascript:alert(1)', '/%E0%A4%A', 'x'.repeat(2001)])('refuses %p', (input) => {
    expect(normalizeRedirectPath(input)).toBeNull();
  });
});
