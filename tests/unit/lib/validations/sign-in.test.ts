import { formatSignInCode, generateSignInCode, isWellFormedSignInCode, normalizeSignInCode } from '@/lib/sign-in-code';
import { displayNameSchema } from '@/lib/validations/display-name';
import { signInCodeSchema, signInSchema } from '@/lib/validations/sign-in';

const emailError = (email: string) => signInSchema.safeParse({ email }).error?.issues[0]?.message;

describe('the sign-in email field', () => {
  it('accepts an address, trimmed and lower-cased', () => {
    expect(signInSchema.parse({ email: '  River@Example.ORG ' }).email).toBe('river@example.org');
  });
  it.each([
    ['', 'Enter your email address.'],
    ['not-an-address', 'Enter a valid email address, like name@example.org.'],
    ['a@b', 'Enter a valid email address, like name@example.org.'],
    [`${'a'.repeat(250)}@example.org`, 'That address is too long (254 characters at most).'],
    ['victim@example.org\r\nBcc: everyone@example.org', 'An email address cannot contain line breaks.'],
    ['victim@example.org\n', 'An email address cannot contain line breaks.'],
  ])('refuses %j', (email, message) => expect(emailError(email)).toBe(message));
});

describe('sign-in codes', () => {
  it('are 8 characters without look-alikes, typed in any case with hyphens or spaces', () => {
    const code = generateSignInCode();
    expect(isWellFormedSignInCode(code)).toBe(true);
    expect(code).not.toMatch(/[01ILOU]/);
    expect(normalizeSignInCode(` ${formatSignInCode(code).toLowerCase()} `)).toBe(code);
    expect(signInCodeSchema.safeParse({ code: 'abcd-ef2' }).success).toBe(false);
    expect(signInCodeSchema.safeParse({ code: 'OOOO-1111' }).success).toBe(false);
  });
});

describe('display names', () => {
  it('collapse white space and allow pseudonyms', () => {
    expect(displayNameSchema.parse({ name: '  Night   Owl ' }).name).toBe('Night Owl');
  });
  it.each([
    ['x', 'Use at least 2 characters.'],
    ['a'.repeat(51), 'Use 50 characters at most.'],
    ['Bad\nName', 'A display name cannot contain control characters or line breaks.'],
    ['Nul\u0000l', 'A display name cannot contain control characters or line breaks.'],
  ])('refuse %j', (name, message) => expect(displayNameSchema.safeParse({ name }).error?.issues[0]?.message).toBe(message));
});
