/**
 * Whether a new comment or an edit is published at once or held for a moderator (WordPress-style rules).
 */
import type { HoldReason } from '@/db/schema-values';

export type ModerationSettings = { holdFirstComment: boolean; maxCommentLinks: number; blockedWords: string[] };
export type HoldDecision = { status: 'approved' } | { status: 'pending'; reason: HoldReason };

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

export function decideCommentStatus(body: string, author: { canModerate: boolean; hasApprovedComment: boolean }, settings: ModerationSettings): HoldDecision {
  if (author.canModerate) return { status: 'approved' };
  if (containsBlockedWord(body, settings.blockedWords)) return { status: 'pending', reason: 'blocked-word' };
  if (countLinks(body) > settings.maxCommentLinks) return { status: 'pending', reason: 'links' };
  if (settings.holdFirstComment && !author.hasApprovedComment) return { status: 'pending', reason: 'first-comment' };
  return { status: 'approved' };
}
