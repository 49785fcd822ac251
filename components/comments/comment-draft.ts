'use client';
/**
 * Comment drafts live in this browser until the comment is accepted: reloads and sign-ins lose nothing.
 * A member's drafts are kept under their id, so on a shared browser the next member is never offered
 * them; a visitor who is not signed in writes a guest draft, which becomes the draft of whoever signs
 * in to post it, or which they send with a name and an address (it then waits on the server for the
 * emailed link, and leaves this browser). Signing out forgets every draft in the browser.
 */
const PREFIX = 'hearth:comment-draft:';

/** Whose draft: a member's id, or null for a visitor who is not signed in. */
export type DraftOwner = string | null;

const key = (owner: DraftOwner, scope: string) => `${PREFIX}${owner === null ? 'guest' : `member:${owner}`}:${scope}`;

function read(name: string): string {
  try {
    return window.localStorage.getItem(name) ?? '';
  } catch {
    return ''; // Storage can be switched off; the form still works without drafts.
  }
}

function write(name: string, body: string): void {
  try {
    if (body) window.localStorage.setItem(name, body);
    else window.localStorage.removeItem(name);
  } catch {
    // Storage full or disabled: nothing more we can keep.
  }
}

/** The owner's draft; for a member without one, the guest draft written before they signed in (now theirs). */
export function loadDraft(owner: DraftOwner, scope: string): string {
  const own = read(key(owner, scope));
  if (own || owner === null) return own;
  const guest = read(key(null, scope));
  if (guest) {
    write(key(owner, scope), guest);
    write(key(null, scope), '');
  }
  return guest;
}

export const saveDraft = (owner: DraftOwner, scope: string, body: string) => write(key(owner, scope), body);

export const clearDraft = (owner: DraftOwner, scope: string) => write(key(owner, scope), '');

/** On sign-out: the next person on this browser is offered no one's words. */
export function clearAllDrafts(): void {
  try {
    const names = Array.from({ length: window.localStorage.length }, (_, i) => window.localStorage.key(i));
    for (const name of names) if (name?.startsWith(PREFIX)) window.localStorage.removeItem(name);
  } catch {
    // Storage disabled: there are no drafts to forget.
  }
}
