/** The sign-in email: a link to a confirmation page (safe from link-scanning mail filters) and a code. */
import { composeEmail } from './compose';
import { formatSignInCode } from '@/lib/sign-in-code';

export function signInEmail({ siteName, confirmUrl, code }: { siteName: string; confirmUrl: string; code: string }) {
  return {
    subject: `Your sign-in link for ${siteName}`,
    ...composeEmail({
      siteName,
      heading: 'Sign in',
      paragraphs: [
        'Press the button to open the sign-in page, then press “Sign in” there.',
        'Reading this on another device? Type the code below on the page where you asked for this email.',
        'The link and the code work once, for 15 minutes.',
      ],
      action: { label: 'Open the sign-in page', url: confirmUrl },
      code: formatSignInCode(code),
      reason: `You received this because someone asked to sign in to ${siteName} with this address. If it was not you, ignore this email: nothing happens without the link or the code.`,
    }),
  };
}
