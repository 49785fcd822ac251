'use client';
/** When the site keeps comments for members: the thread arrives with the signed-in member's own data. */
import { buildThread } from '@/lib/comments/thread';
import { ThreadList } from './comment-tree';
import { useComments } from './comments-context';

export function MembersOnlyThread() {
  const { loaded, viewer } = useComments();
  if (!loaded) return null;
  if (!viewer?.thread) return <p className="notice">On this site, comments are visible to signed-in members only.</p>;
  const threads = buildThread(viewer.thread);
  if (threads.length === 0) return <p>No comments yet. Share how this landed for you.</p>;
  return <ThreadList threads={threads} />;
}
