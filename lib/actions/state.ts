/** The typed answer every server action returns to its form. */
import type { z } from 'zod';

export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** A full page load to make next, for destinations outside the app router (Auth.js routes). */
  redirectTo?: string;
  /** The id of what the action created (a new post's, so the editor can keep saving to it). */
  id?: number;
};

/** A server action as a form calls it (useActionState's shape): what editors and panels pass around. */
export type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

export const initialActionState: ActionState = { ok: false };

export function invalid(error: z.ZodError): ActionState {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { ok: false, message: 'Please check the highlighted field.', fieldErrors };
}

export const SIGNED_OUT: ActionState = { ok: false, message: 'Your session has ended. Please sign in again; nothing was changed.' };
export const UNEXPECTED: ActionState & { ok: false } = { ok: false, message: 'Something went wrong on our side and nothing was changed. Please try again in a moment.' };

/** Runs a rule or a write; an unexpected failure is logged (details stay in the log) and answered with the generic message. */
export async function orUnexpected<T>(what: string, run: () => Promise<T>): Promise<T | typeof UNEXPECTED> {
  try {
    return await run();
  } catch (error) {
    console.error(`[hearth] ${what} failed:`, error);
    return UNEXPECTED;
  }
}

/**
 * The posted form. Actions are public endpoints: a hand-made request can pass any value where the
 * browser passes FormData, and that must read as an empty form (refused by the schema), not crash.
 */
export const postedForm = (value: unknown): FormData => (value instanceof FormData ? value : new FormData());

/** FormData → plain object of its string fields, for safeParse. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of postedForm(formData).entries()) if (typeof value === 'string' && !key.startsWith('$ACTION')) fields[key] = value;
  return fields;
}
