/**
 * The small pieces of XML the WordPress export is written with: text and CDATA that stay well-formed whatever
 * a post contains (a "]]>" in a code sample, control characters pasted from a word processor, a lone
 * surrogate half of an emoji), and dates in WordPress's own spellings.
 */

/** Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF): dropped. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const xmlSafe = (text: string) => text.replace(NOT_XML, '');

export const escapeXml = (text: string) => xmlSafe(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A CDATA section; a "]]>" inside is split across two sections, which readers join back. */
export const cdata = (text: string) => `<![CDATA[${xmlSafe(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

export const element = (name: string, inner: string) => `<${name}>${inner}</${name}>`;

const pad = (n: number) => String(n).padStart(2, '0');

/** "2024-05-01 09:00:00" in UTC, as wp:post_date_gmt. */
export const gmtDate = (at: Date) => `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;

/** The same moment on the site's clock, as wp:post_date. */
export function localDate(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** RSS's date: "Wed, 01 May 2024 09:00:00 +0000". */
export const rfc822 = (at: Date) => at.toUTCString().replace('GMT', '+0000');
