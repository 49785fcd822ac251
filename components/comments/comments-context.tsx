'use client';
/**
 * Loads the per-visitor side of a post's comments once (who is signed in, their held comments,
 * what they may edit) and shares it with the small interactive pieces of the thread.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { OwnComment } from '@/db/queries/comment-thread';
import type { CommentView } from '@/db/queries/comment-view';
import { LiveAnnouncement, type Announcement } from '@/components/ui/live-announcement';
export type CommentViewer = {
  /** The member's own id: their comment drafts in this browser are kept under it. */
  id: string;
  name: string | null;
  canModerate: boolean;
  blocked: boolean;
  own: OwnComment[];
  held: CommentView[];
  /** Only when comments are for members only. */
  thread?: CommentView[] | null;
};
type Link = { label: string; url: string };

type CommentsContextValue = {
  postId: number;
  postPath: string;
  loaded: boolean;
  viewer: CommentViewer | null;
  closed: boolean;
  supportResources: Link[];
  refresh: () => void;
  /** Says what an action did in one live region that outlives the comment it acted on. */
  announce: (message: string, ok: boolean) => void;
};

const CommentsContext = createContext<CommentsContextValue | null>(null);

export function useComments(): CommentsContextValue {
  const value = useContext(CommentsContext);
  if (!value) throw new Error('useComments() needs a <CommentsProvider> around it.');
  return value;
}

type Props = { postId: number; postPath: string; closed: boolean; children: ReactNode };

export function CommentsProvider({ postId, postPath, closed, children }: Props) {
  const [state, setState] = useState({ loaded: false, viewer: null as CommentViewer | null, closed, supportResources: [] as Link[] });
  const refresh = useCallback(() => {
    fetch(`/api/posts/${postId}/comments`, { cache: 'no-store', credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((body: { viewer: CommentViewer | null; closed: boolean; supportResources: Link[] }) => setState({ loaded: true, ...body }))
      .catch((error) => {
        console.error('Could not load your comment controls:', error);
        setState((s) => ({ ...s, loaded: true }));
      });
  }, [postId]);
  useEffect(refresh, [refresh]);
  const [announcement, setAnnouncement] = useState<Announcement>({ message: '', ok: true });
  const announce = useCallback((message: string, ok: boolean) => setAnnouncement({ message, ok }), []);
  return (
    <CommentsContext.Provider value={{ postId, postPath, ...state, refresh, announce }}>
      <LiveAnnouncement announcement={announcement} />
      {children}
    </CommentsContext.Provider>
  );
}
