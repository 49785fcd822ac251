/**
 * What a redirect may send a browser to: a path on this site, or (entered by an admin) another site's
 * https address. Checked when a redirect is saved and again when it is served, so a bad row never
 * becomes an open redirect.
 */

/** True for "/posts/x" (not "//host", "/\host", or anything with control characters) and "https://host/…". */
export function isAllowedRedirectTarget(target: string): boolean {
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
  if (target.length === 0 || target.length > 2000 || /[\u0000-\u001f\u007f\\\s]/.test(target)) return false;
  if (target.startsWith('/')) return !target.startsWith('//');
  try {
    const url = new URL(target);
    return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
