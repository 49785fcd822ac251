'use client';
/**
 * Keeps `#comment-<id>` links working although a page shows only part of a long thread: when the
 * comment named in the address is not on this page, /comments/<id> sends the reader to the page that
 * shows it. Waits for the per-visitor data first (held comments and members-only threads arrive with it).
 */
import { useEffect, useRef } from 'react';
import { useComments } from './comments-context';

const named = () => /^#comment-(\d+)$/.exec(window.location.hash)?.[1] ?? null;
const RETRY_AFTER_MS = 60_000;

/** True once per comment a minute: if the page it leads to still lacks the comment (a stale cache), stay put rather than loop. */
function mayGoFindIt(id: string): boolean {
  const key = `hearth:permalink:${id}`;
  try {
    if (Date.now() - Number(window.sessionStorage.getItem(key) ?? 0) < RETRY_AFTER_MS) return false;
    window.sessionStorage.setItem(key, String(Date.now()));
  } catch {
    // No session storage: go once anyway; the page it leads to shows the comment.
  }
  return true;
}

export function FollowCommentLink({ threadInPage = true }: { threadInPage?: boolean }) {
  const { loaded } = useComments();
  const inHtml = useRef<boolean | null>(null);
  useEffect(() => {
    const id = named();
    inHtml.current = id !== null && document.getElementById(`comment-${id}`) !== null;
  }, []);
  useEffect(() => {
    const id = named();
    if (!loaded || id === null || inHtml.current) return;
    const target = document.getElementById(`comment-${id}`);
    // Arrived with the per-visitor data: the browser could not scroll to it when the page loaded.
    if (target) target.scrollIntoView();
    else if (threadInPage && mayGoFindIt(id)) window.location.replace(`/comments/${id}`);
  }, [loaded, threadInPage]);
  return null;
}
