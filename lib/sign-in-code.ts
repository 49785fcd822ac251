/**
 * Short one-time sign-in codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U),
 * about 10^12 possibilities, so guessing one within its 15 minutes is hopeless.
 */
import crypto from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export const CODE_LENGTH = 8;
export const SIGN_IN_MAX_AGE_SECONDS = 15 * 60;

export function generateSignInCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join('');
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
