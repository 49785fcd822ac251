/**
 * Whether a new comment is published at once or held for a moderator (WordPress-style rules),
 * and how fast one member may comment.
 */
export type ModerationSettings = { holdFirstComment: boolean; maxCommentLinks: number; blockedWords: string[] };
export type HoldDecision = { status: 'approved' } | { status: 'pending'; reason: 'first-comment' | 'links' | 'blocked-word' };

export function countLinks(body: string): number {
  return (body.match(/\b(?:https?:\/\/|www\.)[^\s)]+|\bmailto:/gi) ?? []).length;
}

export function containsBlockedWord(body: string, words: string[]): boolean {
  const text = body.toLowerCase();
  return words.some((word) => {
    const w = word.trim().toLowerCase();
    if (!w) return false;
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
  });
}

export function decideCommentStatus(
  body: string,
  author: { canModerate: boolean; hasApprovedComment: boolean },
  settings: ModerationSettings,
): HoldDecision {
  if (author.canModerate) return { status: 'approved' };
  if (containsBlockedWord(body, settings.blockedWords)) return { status: 'pending', reason: 'blocked-word' };
  if (countLinks(body) > settings.maxCommentLinks) return { status: 'pending', reason: 'links' };
  if (settings.holdFirstComment && !author.hasApprovedComment) return { status: 'pending', reason: 'first-comment' };
  return { status: 'approved' };
}

export const FLOOD_MIN_INTERVAL_MS = 10_000;
export const FLOOD_MAX_PER_HOUR = 30;

/** A clear sentence when the member is commenting too fast, or null. */
export function floodMessage(lastCommentAt: Date | null, commentsInLastHour: number, now: Date): string | null {
  if (lastCommentAt && now.getTime() - lastCommentAt.getTime() < FLOOD_MIN_INTERVAL_MS) {
    return 'You are commenting very quickly. Please wait a few seconds and send it again; your text is kept.';
  }
  if (commentsInLastHour >= FLOOD_MAX_PER_HOUR) {
    return `You have posted ${FLOOD_MAX_PER_HOUR} comments in the last hour, the most we allow. Please take a break and try again later; your text is kept.`;
  }
  return null;
}

