/**
 * The email that confirms a comment (or a reply in a conversation) written while signed out. It carries
 * no comment text and no name typed in the form (a stranger could otherwise send anyone their words),
 * only the post's title.
 */
import { composeEmail } from './compose';

type Details = { siteName: string; postTitle: string; confirmUrl: string; member: boolean; reply: boolean };

export function commentConfirmEmail({ siteName, postTitle, confirmUrl, member, reply }: Details) {
  const what = reply ? 'reply' : 'comment';
  const wrote = reply ? `wrote a reply in a conversation on “${postTitle}”` : `wrote a comment on “${postTitle}”`;
  const steps = member
    ? [
        `Someone, hopefully you, ${wrote} and gave this address. Press the button, then “Confirm and post” on the page that opens, to sign in and post your ${what}.`,
        'It appears under the display name you already use here; the name typed in the form is not used.',
      ]
    : [
        `Someone, hopefully you, ${wrote} and gave this address. Press the button, then “Confirm and post” on the page that opens: that confirms your address, makes your account and posts the ${what}.`,
      ];
  return {
    subject: member ? `Sign in to post your ${what} on ${siteName}` : `Confirm your ${what} on ${siteName}`,
    ...composeEmail({
      siteName,
      heading: member ? `Sign in to post your ${what}` : `Confirm your ${what}`,
      paragraphs: [...steps, 'The link works once, for 15 minutes.'],
      action: { label: member ? 'Open the sign-in page' : 'Open the confirmation page', url: confirmUrl },
      reason: `You received this because a ${what} on ${siteName} was sent with this address. If it was not you, ignore this email: nothing is posted and no account is made without the link.`,
    }),
  };
}
