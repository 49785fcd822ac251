/**
 * The safe-editing rules posts and pages share: while readers can see something (or will, at its time),
 * the editor's changes go to a private working copy until someone presses Update; every version put on
 * the site is kept as a revision, and Restore brings one back into the working copy, never live.
 */
import type { PageStatus, PostStatus } from '@/db/schema-values';
import { formatClock, type DateStyle } from '@/lib/format';

/** Whether edits are kept privately (a working copy) rather than written to what readers get. */
export const editsGoPrivately = (status: PostStatus | PageStatus): boolean => status !== 'draft';

/** The answer to one private save (the editor's status line says "Changes saved privately — not yet on the site."). */
export const savedPrivatelyAt = (now: Date, style: DateStyle): string => `Saved privately at ${formatClock(now, style)}. Readers still see the version on the site.`;
export const DISCARDED = 'Your unpublished changes were discarded. The editor shows the version on the site.';
export const RESTORED = 'That version is in the editor now, saved privately: press Update to put it on the site.';
export const NOTHING_TO_DISCARD = 'There were no unpublished changes to discard.';
export const REVISION_GONE = 'That version no longer exists. Reload the page.';

/** One field the editor shows, in the order a diff lists them. */
export type FieldLabel<K extends string> = { key: K; label: string };
