'use client';
/** Comment drafts live in this browser until the comment is accepted: reloads and sign-ins lose nothing. */
const key = (scope: string) => `hearth:comment-draft:${scope}`;

export function loadDraft(scope: string): string {
  try {
    return window.localStorage.getItem(key(scope)) ?? '';
  } catch {
    return ''; // Storage can be switched off; the form still works without drafts.
  }
}

export function saveDraft(scope: string, body: string): void {
  try {
    if (body) window.localStorage.setItem(key(scope), body);
    else window.localStorage.removeItem(key(scope));
  } catch {
    // Storage full or disabled: nothing more we can keep.
  }
}

export const clearDraft = (scope: string) => saveDraft(scope, '');
