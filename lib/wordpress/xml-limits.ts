/**
 * What the WordPress export reader refuses before it trusts a byte, and how it says so to a volunteer:
 * limits that keep memory bounded on hostile or broken files (XML bombs, deep nesting, a huge text node,
 * a 2 GB upload), and the checks on the raw bytes that a streaming XML parser cannot make itself.
 */
import { WxrError } from './wxr-types';

/** Biggest export accepted at all, checked before reading. */
export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;
/** Deepest element nesting: a real export goes 5 deep (rss > channel > item > wp:comment > field). */
export const MAX_DEPTH = 64;
/** Longest single text node, attribute or name, in characters: far above any real post, far below the heap. */
export const MAX_TEXT_CHARS = 32 * 1024 ** 2;

const MB = 1024 ** 2;

export function tooLarge(size: number, maxBytes: number): WxrError {
  return new WxrError(
    `This export is ${Math.ceil(size / MB)} MB, larger than the ${Math.floor(maxBytes / MB)} MB Hearth accepts. Export a part of the site from WordPress (Tools → Export lets you choose posts, pages or a date range) and import the parts one after another.`,
  );
}

/** A UTF-16 export (a byte-order mark, or a NUL in the first bytes) cannot be read as UTF-8. */
export function checkFirstBytes(first: Buffer): void {
  const utf16 = (first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff) || first.subarray(0, 4).includes(0);
  if (utf16) throw wrongEncoding('UTF-16');
}

export function checkDeclaredEncoding(encoding: string | undefined): void {
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) throw wrongEncoding(encoding);
}

export function wrongEncoding(found: string): WxrError {
  return new WxrError(
    `This export is written in ${found}, but Hearth reads only UTF-8, which is what WordPress writes. The file was probably re-saved by another program: export it again from WordPress and upload that file unchanged.`,
  );
}

export function invalidUtf8(nearByte: number): WxrError {
  return new WxrError(
    `This export is not valid UTF-8 text (a wrong byte before byte ${nearByte}). WordPress writes UTF-8, so the file was probably re-saved in another encoding or damaged: export it again from WordPress and upload that file unchanged.`,
  );
}

export function entityDeclarations(): WxrError {
  return new WxrError(
    'This file declares its own XML entities (<!ENTITY> in a <!DOCTYPE>). WordPress exports never do, and such declarations are how an "XML bomb" blows up memory, so Hearth refuses the file.',
  );
}

export function tooDeep(): WxrError {
  return new WxrError(`This file nests elements more than ${MAX_DEPTH} deep. A WordPress export never does, so it is refused as damaged or hostile.`);
}

export function textTooLong(): WxrError {
  return new WxrError(`This file holds a single piece of text longer than ${MAX_TEXT_CHARS / MB} million characters. No WordPress post is that long, so the file is refused as damaged or hostile.`);
}

export function notXml(detail: string): WxrError {
  return new WxrError(`This file is not XML, so it cannot be a WordPress export (${detail}). Choose the .xml file that WordPress's Tools → Export downloaded.`);
}

export function notWxr(): WxrError {
  return new WxrError("This file is not a WordPress export: it has no <rss> with WordPress's export namespace. Choose the .xml file that WordPress's Tools → Export downloaded.");
}

export function truncated(detail: string): WxrError {
  return new WxrError(`This export ends too early (${detail}): the file was cut off, probably by an incomplete download or upload. Export it again from WordPress and upload the whole file.`);
}

export function malformed(detail: string): WxrError {
  return new WxrError(`This export is damaged: it is not well-formed XML (${detail}). Export it again from WordPress and upload that file unchanged.`);
}
