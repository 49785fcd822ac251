/**
 * Forms that are a single button: they post no fields of their own, or only the signed token of an
 * email link (mute a conversation, confirm or leave a subscription). The action verifies the token
 * itself; a missing, overlong or cut-short token reads as empty and is answered as a bad link.
 */
import { z } from 'zod';

export const noFieldsSchema = z.object({});

export const signedLinkSchema = z.object({ token: z.string().max(2000).catch('') });

/** Signing out: the button's form (or nothing, when called directly) is all it receives, and nothing in it is read. */
export const signOutSchema = z.array(z.unknown()).max(1);
