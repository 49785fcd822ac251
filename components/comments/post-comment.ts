'use client';
/**
 * Sends a new comment or reply to POST /api/posts/<postId>/comments as JSON. A server action would
 * answer with the whole post page rendered again (it invalidates the page's tag), far too costly under
 * load; this route answers a few bytes, and the page is refreshed only when the comment is public.
 */
import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { formFields, UNEXPECTED, type ActionState, type FormAction } from '@/lib/actions/state';

type RouteAnswer = ActionState & { status?: 'approved' | 'pending' };

const UNREACHABLE: ActionState = { ok: false, message: 'The site could not be reached. Check your connection and send it again; your text is kept.' };

/** The form's fields as the route reads them (the post comes from the address). */
function requestBody(formData: FormData): string {
  const { parentId, body, contentNote, website } = formFields(formData);
  return JSON.stringify({ body, contentNote, website, parentId: parentId ? Number(parentId) : undefined });
}

export async function sendComment(formData: FormData): Promise<RouteAnswer> {
  let response: Response;
  try {
    response = await fetch(`/api/posts/${encodeURIComponent(String(formData.get('postId')))}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: requestBody(formData),
    });
  } catch (error) {
    console.error('Sending the comment failed:', error);
    return UNREACHABLE;
  }
  // Every answer of the route is JSON; anything else came from something in between (a proxy's error page).
  const answer = (await response.json().catch(() => null)) as RouteAnswer | null;
  if (!answer || typeof answer.ok !== 'boolean') {
    console.error(`The comment route answered ${response.status} without JSON`);
    return UNEXPECTED;
  }
  return answer;
}

/** The form action for new comments and replies: once a comment is public, the page's data is fetched again so its author sees it at once. */
export function usePostComment(): FormAction {
  const router = useRouter();
  return useCallback(
    async (_prev: ActionState, formData: FormData) => {
      const { status, ...answer } = await sendComment(formData);
      if (answer.ok && status === 'approved') router.refresh();
      return answer;
    },
    [router],
  );
}
