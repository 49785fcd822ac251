/** Initials for the default avatar: no third-party image service, nothing loaded from elsewhere. */
export function initialsOf(name: string | null | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const letters = words.length === 1 ? [...words[0]].slice(0, 1) : [[...words[0]][0], [...words.at(-1)!][0]];
  return letters.join('').toUpperCase();
}

/** A calm background colour picked from the name, the same on every page. */
export function avatarHue(name: string | null | undefined): number {
  let hash = 0;
  for (const char of name ?? '') hash = (hash * 31 + char.codePointAt(0)!) % 360;
  return hash;
}
