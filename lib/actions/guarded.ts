/**
 * The one wrapper every server action runs inside: who is asking (and whether their role may do
 * this, through requireUser()/requireRole() in lib/session.ts, as route handlers ask), the posted input parsed with the form's zod schema, and the action's own work. Anything
 * unexpected inside — a read, a write, a rule — is logged with a request id and answered with the
 * generic message, so a server action never answers 5xx unless Next itself failed.
 *
 * redirect()/notFound() and Next's other control-flow signals pass through untouched.
 */
import 'server-only';
import crypto from 'node:crypto';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { UserRole } from '@/db/schema-values';
import { requireRole, requireUser, type CurrentUser } from '@/lib/session';
import { formFields, invalid, postedForm, SIGNED_OUT, UNEXPECTED, type ActionState } from './state';

/**
 * Who may call an action: anyone (public forms, signed links: who is signed in does not matter, so the
 * session is not even read), any signed-in member, or members with one of these roles (lib/roles.ts).
 */
export type Access = 'anyone' | 'member' | { roles: UserRole | readonly UserRole[]; refusal: string };

type UserFor<A extends Access> = A extends 'anyone' ? null : CurrentUser;

type Spec<A extends Access, S extends z.ZodType> = {
  /** Short, for the log: "comment edit", "role change". */
  name: string;
  access: A;
  schema: S;
};

/** The generic failure, with a reference the person can quote and the log can be searched for. */
function unexpected(name: string, error: unknown): ActionState {
  const requestId = crypto.randomUUID().slice(0, 8);
  console.error(`[hearth] action "${name}" failed (request ${requestId}):`, error);
  return { ...UNEXPECTED, message: `${UNEXPECTED.message} (Reference: ${requestId}.)` };
}

const hasNul = (value: unknown): boolean => (typeof value === 'string' ? value.includes('\u0000') : typeof value === 'object' && value !== null && Object.values(value).some(hasNul));

/**
 * Parsed fields holding a NUL character, refused like any invalid field: no form has a use for one, and
 * PostgreSQL cannot store one in text (SQLite can), so the write would fail as an unexpected error there.
 */
function withNul(input: unknown): ActionState | null {
  const fields = typeof input === 'object' && input !== null ? Object.entries(input).filter(([, value]) => hasNul(value)) : hasNul(input) ? [['form', input]] : [];
  if (fields.length === 0) return null;
  return { ok: false, message: 'Please check the highlighted field.', fieldErrors: Object.fromEntries(fields.map(([field]) => [field, ['This cannot contain a NUL character.']])) };
}

async function guard<A extends Access, S extends z.ZodType>(
  spec: Spec<A, S>,
  raw: () => unknown,
  run: (input: z.infer<S>, user: UserFor<A>) => ActionState | Promise<ActionState>,
): Promise<ActionState> {
  try {
    let user: CurrentUser | null = null;
    if (spec.access !== 'anyone') {
      const byRole = typeof spec.access === 'object' ? spec.access : null;
      const asking = byRole ? await requireRole(byRole.roles) : await requireUser();
      if (asking.refused === 401) return SIGNED_OUT;
      if (asking.refused) return { ok: false, message: byRole?.refusal ?? SIGNED_OUT.message };
      user = asking.user;
    }
    const parsed = spec.schema.safeParse(raw());
    if (!parsed.success) return invalid(parsed.error);
    const refused = withNul(parsed.data);
    if (refused) return refused;
    return await run(parsed.data, user as UserFor<A>);
  } catch (error) {
    unstable_rethrow(error);
    return unexpected(spec.name, error);
  }
}

/**
 * A form's action: `(previousState, formData) => state`, as useActionState calls it. The schema parses
 * the form's string fields, or what `fields` makes of the FormData (repeated names, files).
 */
export function formAction<A extends Access, S extends z.ZodType>(
  spec: Spec<A, S> & { fields?: (formData: FormData) => unknown },
  run: (input: z.infer<S>, user: UserFor<A>) => ActionState | Promise<ActionState>,
): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  return (_previous, formData) => guard(spec, () => (spec.fields ? spec.fields(postedForm(formData)) : formFields(formData)), run);
}

/** An action called with arguments (a button's bound id): the schema parses the argument list as a tuple. */
export function argsAction<A extends Access, S extends z.ZodType<unknown[]>>(
  spec: Spec<A, S>,
  run: (input: z.infer<S>, user: UserFor<A>) => ActionState | Promise<ActionState>,
): (...args: unknown[]) => Promise<ActionState> {
  return (...args) => guard(spec, () => args, run);
}
