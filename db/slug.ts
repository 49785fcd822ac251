/**
 * Turns a title or tag name into a URL segment: lowercase ASCII letters, digits and single hyphens.
 * A leaf with no imports, kept at the bottom layer: the queries make slugs with it, and lib/ and the
 * editors' forms use the same rule.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
