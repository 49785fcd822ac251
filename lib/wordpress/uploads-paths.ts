/**
 * What the folder and zip readers of a WordPress uploads copy share: the one spelling of a path inside the
 * uploads folder (refusing anything that would leave it), where the uploads root sits in what was given
 * (wp-content/uploads/, uploads/, or the year folders at the top), and the refusal wording.
 */
import { WxrError } from './wxr-types';

/** The largest single file read into memory (Hearth's media library takes images far smaller). */
export const MAX_UPLOAD_FILE_BYTES = 256 * 1024 ** 2;

/** A folder or archive listed by name ("wp-content/uploads/2024/05/x.jpg"), read by the same name. */
export type UploadsIndex = { names: string[]; read(name: string): Promise<Buffer | null>; close(): Promise<void> };

export function uploadsRefused(reason: string): WxrError {
  return new WxrError(`The uploads archive is refused: ${reason}. Make a fresh .zip of the wp-content/uploads folder, with nothing else in it, and try again.`);
}

/** "2024/05/x.jpg" for any spelling inside uploads; a WxrError for one that would leave it ("..", absolute, NUL). */
export function uploadsPath(relative: string): string {
  const path = relative.replace(/^\/+/, '');
  const segments = path.split('/');
  if (path === '' || /[\\\0]/.test(path) || /^[a-z]:/i.test(path) || segments.some((s) => s === '..' || s === '.' || s === '')) {
    throw new WxrError(`"${relative}" is not a path inside the uploads folder, so Hearth does not read it.`);
  }
  return path;
}

/** The prefix of the uploads root among the names: the first ".../wp-content/uploads/" or ".../uploads/", else "". */
export function uploadsPrefix(names: string[]): string {
  for (const marker of ['wp-content/uploads/', 'uploads/']) {
    for (const name of names) {
      const at = name.indexOf(marker);
      if (at === 0 || (at > 0 && name[at - 1] === '/')) return name.slice(0, at + marker.length);
    }
  }
  return '';
}
