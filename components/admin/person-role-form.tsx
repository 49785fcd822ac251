'use client';
/** One person's role, in a row of /admin/people: a choice and a Save button, with the answer beside it. */
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import type { UserRole } from '@/db/schema-values';
import type { FormAction } from '@/lib/actions/state';
import { personRoleSchema, ROLE_LABELS } from '@/lib/validations/person-role';

type Props = { action: FormAction; person: { id: string; name: string | null; role: UserRole } };

export function PersonRoleForm({ action, person }: Props) {
  const { form, state, pending, formAction, onSubmit } = useActionForm(personRoleSchema, action, { userId: person.id, role: person.role });
  const selectId = `role-${person.id}`;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="inline-form">
      <input type="hidden" value={person.id} {...form.register('userId')} />
      <label htmlFor={selectId} className="visually-hidden">
        Role of {person.name ?? 'this member'}
      </label>
      <select id={selectId} defaultValue={person.role} {...form.register('role')}>
        {(Object.keys(ROLE_LABELS) as UserRole[]).map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      <button type="submit" className="button--secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
