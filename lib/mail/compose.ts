/** The plain-text and HTML parts every Hearth email shares: site name, a button, and why it was sent. */
export type EmailContent = {
  siteName: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Further links under the button (for example "mute this conversation"). */
  links?: { label: string; url: string }[];
  /** A short code shown large, for typing on another device. */
  code?: string;
  reason: string;
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function composeEmail(content: EmailContent): { text: string; html: string } {
  const text = [
    content.siteName,
    '',
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    ...(content.links ?? []).flatMap((link) => [`${link.label}: ${link.url}`, '']),
    ...(content.code ? [`Your code: ${content.code}`, ''] : []),
    '—',
    content.reason,
  ].join('\n');

  const html = `<!doctype html><html><body style="margin:0;padding:24px;background:#fbf7f2;font-family:Georgia,serif;color:#1f1a17;font-size:18px;line-height:1.6">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #e3d8cc;border-radius:10px;padding:24px">
<p style="margin:0 0 16px;font-weight:bold">${escapeHtml(content.siteName)}</p>
<h1 style="font-size:24px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${content.action ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;background:#9a3d12;color:#fff;border-radius:8px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>` : ''}
${(content.links ?? []).map((link) => `<p><a href="${escapeHtml(link.url)}" style="color:#9a3d12">${escapeHtml(link.label)}</a></p>`).join('\n')}
${content.code ? `<p>Your code: <strong style="font-size:26px;letter-spacing:3px;font-family:monospace">${escapeHtml(content.code)}</strong></p>` : ''}
<p style="font-size:14px;color:#5b504a;border-top:1px solid #e3d8cc;padding-top:12px">${escapeHtml(content.reason)}</p>
</div></body></html>`;
  return { text, html };
}
