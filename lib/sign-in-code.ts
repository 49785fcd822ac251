/**
 * Short one-time sign-in codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U),
 * about 10^12 possibilities, so guessing one within its 15 minutes is hopeless.
 * The sign-in form's schema runs in the browser too, so this module uses Web Crypto (global in Node and
 * browsers): importing node:crypto would ship a ~140 kB gzipped polyfill to every page.
 */

const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export const CODE_LENGTH = 8;
export const SIGN_IN_MAX_AGE_SECONDS = 15 * 60;

/** Bytes below this are used as `byte % 30`, so each character is equally likely; the rest are drawn again. */
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

export function generateSignInCode(): string {
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(CODE_LENGTH * 2))) {
      if (byte < UNBIASED_LIMIT && code.length < CODE_LENGTH) code += ALPHABET[byte % ALPHABET.length];
    }
  }
  return code;
}

/** "abcd-efgh " → "ABCDEFGH": people type codes with spaces, hyphens and lower case. */
export function normalizeSignInCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isWellFormedSignInCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c));
}

/** "ABCDEFGH" → "ABCD-EFGH", easier to read aloud and copy. */
export function formatSignInCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
