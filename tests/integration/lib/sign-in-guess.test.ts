/** One limit for every try of a sign-in code, per address and per client IP, on a real SQLite file. */
import crypto from 'node:crypto';
import { isPendingSignInCode, replaceSignInCode } from '@/db/queries/sign-in-codes';
import { getAuthSecret } from '@/lib/auth-secret';
import { SIGN_IN_GUESSES_PER_ADDRESS, SIGN_IN_GUESSES_PER_IP } from '@/lib/rate-limit';
import { generateSignInCode } from '@/lib/sign-in-code';
import { trySignInCode } from '@/lib/sign-in-guess';

/** Stores a code for the address the way Auth.js does (hashed with the secret) and returns it. */
async function issueCode(email: string): Promise<string> {
  const code = generateSignInCode();
  const token = crypto.createHash('sha256').update(`${code}${getAuthSecret()}`).digest('hex');
  await replaceSignInCode({ identifier: email, token, expires: new Date(Date.now() + 900_000) });
  return code;
}

const wrongCode = (code: string) => (code === 'WRNGWRNG' ? 'WRNGWRNH' : 'WRNGWRNG');

describe('trySignInCode', () => {
  it('takes the right code', async () => {
    const code = await issueCode('right@example.org');
    expect(await trySignInCode('right@example.org', code, '198.51.100.1')).toBe('right');
  });

  it(`allows ${SIGN_IN_GUESSES_PER_ADDRESS} tries per address from any IPs, then voids the codes`, async () => {
    const email = 'target@example.org';
    const code = await issueCode(email);
    for (let i = 0; i < SIGN_IN_GUESSES_PER_ADDRESS; i++) expect(await trySignInCode(email, wrongCode(code), `203.0.113.${i}`)).toBe('wrong');
    expect(await trySignInCode(email, code, '203.0.113.200')).toBe('too-many');
    expect(await isPendingSignInCode(email, code, getAuthSecret())).toBe(false);
  });

  it(`allows ${SIGN_IN_GUESSES_PER_IP} tries per IP across addresses, then refuses even a right code from it without voiding it`, async () => {
    const ip = '192.0.2.7';
    for (let i = 0; i < SIGN_IN_GUESSES_PER_IP; i++) expect(await trySignInCode(`spray-${i}@example.org`, 'WRNGWRNG', ip)).toBe('wrong');
    const email = 'sprayed@example.org';
    const code = await issueCode(email);
    expect(await trySignInCode(email, code, ip)).toBe('too-many-here');
    // A shared network's busy quarter of an hour must not void a member's code: from elsewhere it still works.
    expect(await isPendingSignInCode(email, code, getAuthSecret())).toBe(true);
    expect(await trySignInCode(email, code, '192.0.2.8')).toBe('right');
  });
});
