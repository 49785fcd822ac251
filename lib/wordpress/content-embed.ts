/**
 * What an embed (a video, a post on a social site) becomes in Hearth: a plain link on its own line, so readers'
 * browsers never load another site's player. A known provider reads "Watch on YouTube"; anything else is the
 * address itself, which the link rule writes as an autolink.
 */
import { escapeHtml } from './content-text';

/** Provider (WordPress's providerNameSlug, or the name in the address) → how readers are invited to follow it. */
const PROVIDERS: Record<string, string> = {
  youtube: 'Watch on YouTube',
  youtu: 'Watch on YouTube',
  vimeo: 'Watch on Vimeo',
  dailymotion: 'Watch on Dailymotion',
  tiktok: 'Watch on TikTok',
  ted: 'Watch on TED',
  twitter: 'View on Twitter',
  instagram: 'View on Instagram',
  facebook: 'View on Facebook',
  flickr: 'View on Flickr',
  imgur: 'View on Imgur',
  reddit: 'View on Reddit',
  soundcloud: 'Listen on SoundCloud',
  spotify: 'Listen on Spotify',
  mixcloud: 'Listen on Mixcloud',
};

/** The provider's name as the address spells it: the label before the top-level domain ("youtube" in www.youtube.test). */
function providerOf(url: string): string {
  try {
    const labels = new URL(url).hostname.split('.');
    return labels.length >= 2 ? labels[labels.length - 2] : '';
  } catch {
    return '';
  }
}

/** The words of the link an embed of `url` becomes; `provider` is the block's providerNameSlug when it has one. */
export function embedLabel(url: string, provider = ''): string {
  return PROVIDERS[provider.toLowerCase()] ?? PROVIDERS[providerOf(url)] ?? url;
}

/** HTML for the link an embed of `url` becomes, as a paragraph of its own. */
export function embedHtml(url: string, provider = ''): string {
  return `<p><a href="${escapeHtml(url)}">${escapeHtml(embedLabel(url, provider))}</a></p>`;
}

/** The words of the link an audio or video player becomes: "Audio: interview.mp3". */
export function mediaLabel(kind: 'audio' | 'video', src: string): string {
  const name = src.split(/[?#]/)[0].split('/').pop() ?? '';
  let file = name;
  try {
    file = decodeURIComponent(name);
  } catch {
    // A malformed %-sequence: the name as written.
  }
  return `${kind === 'audio' ? 'Audio' : 'Video'}: ${file || src}`;
}
