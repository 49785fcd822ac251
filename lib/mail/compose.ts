/**
 * The plain-text and HTML parts every Hearth email shares: site name, a hidden preview line, a button,
 * linked entries (digests), an optional body already rendered (a whole post), and why it was sent.
 * Simple, table-free HTML with inline styles, because mail programs ignore style sheets; the text part
 * puts each link's address after its words, so it reads well on its own.
 */
export type EmailLink = { label: string; url: string };
/** One item of a list email (a post in a digest, a reply): its title links to it. */
export type EmailEntry = { title: string; url: string; text: string };

export type EmailContent = {
  siteName: string;
  heading: string;
  /** The preview line mail programs show after the subject (hidden in the message itself). */
  preheader?: string;
  paragraphs: string[];
  /** A body rendered elsewhere (for example a whole post), in both forms. */
  body?: { html: string; text: string };
  entries?: EmailEntry[];
  action?: EmailLink;
  /** Further links under the button (for example "mute this conversation"). */
  links?: EmailLink[];
  /** A short code shown large, for typing on another device. */
  code?: string;
  reason: string;
  /** Links in the footer, after the reason (change what you get, account page). */
  footerLinks?: EmailLink[];
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const LINK_STYLE = 'color:#9a3d12';
const link = (l: EmailLink, style = LINK_STYLE) => `<a href="${escapeHtml(l.url)}" style="${style}">${escapeHtml(l.label)}</a>`;
const textLink = (l: EmailLink) => `${l.label}: ${l.url}`;

function composeText(content: EmailContent): string {
  return [
    content.siteName,
    '',
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.body ? [content.body.text.trim(), ''] : []),
    ...(content.entries ?? []).flatMap((e) => [`* ${textLink({ label: e.title, url: e.url })}`, ...(e.text ? [`  ${e.text}`] : []), '']),
    ...(content.action ? [textLink(content.action), ''] : []),
    ...(content.links ?? []).flatMap((l) => [textLink(l), '']),
    ...(content.code ? [`Your code: ${content.code}`, ''] : []),
    '—',
    content.reason,
    ...(content.footerLinks ?? []).map(textLink),
  ].join('\n');
}

export function composeEmail(content: EmailContent): { text: string; html: string } {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.heading)}</title></head><body style="margin:0;padding:24px;background:#fbf7f2;font-family:Georgia,serif;color:#1f1a17;font-size:18px;line-height:1.6">
${content.preheader ? `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preheader)}</div>` : ''}
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #e3d8cc;border-radius:10px;padding:24px">
<p style="margin:0 0 16px;font-weight:bold">${escapeHtml(content.siteName)}</p>
<h1 style="font-size:24px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${content.body ? `<div>${content.body.html}</div>` : ''}
${(content.entries ?? []).map((e) => `<p>${link({ label: e.title, url: e.url }, `${LINK_STYLE};font-weight:bold`)}${e.text ? `<br>${escapeHtml(e.text)}` : ''}</p>`).join('\n')}
${content.action ? `<p>${link(content.action, 'display:inline-block;padding:12px 20px;background:#9a3d12;color:#fff;border-radius:8px;text-decoration:none')}</p>` : ''}
${(content.links ?? []).map((l) => `<p>${link(l)}</p>`).join('\n')}
${content.code ? `<p>Your code: <strong style="font-size:26px;letter-spacing:3px;font-family:monospace">${escapeHtml(content.code)}</strong></p>` : ''}
<div style="font-size:14px;color:#5b504a;border-top:1px solid #e3d8cc;padding-top:12px"><p>${escapeHtml(content.reason)}</p>
${(content.footerLinks ?? []).map((l) => `<p>${link(l)}</p>`).join('\n')}</div>
</div></body></html>`;
  return { text: composeText(content), html };
}
