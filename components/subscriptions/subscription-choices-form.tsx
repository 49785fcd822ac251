'use client';
/** Changing topics and frequency from a signed link (the subscription page) or from /account. */
import { ActionForm } from '@/components/ui/action-form';
import { useActionForm } from '@/components/ui/use-action-form';
import type { SubscriptionFrequency } from '@/db/subscription-frequencies';
import type { FormAction } from '@/lib/actions/state';
import { subscriptionChoicesSchema } from '@/lib/validations/subscription';
import { ChoiceFields, type TopicOption } from './choice-fields';

type Props = { action: FormAction; token: string; topics: TopicOption[]; current: { frequency: SubscriptionFrequency; categoryIds: number[] } };

export function SubscriptionChoicesForm({ action, token, topics, current }: Props) {
  const controller = useActionForm(subscriptionChoicesSchema, action, {
    token,
    frequency: current.frequency,
    categoryIds: current.categoryIds.map(String),
  });
  const { form } = controller;
  return (
    <ActionForm controller={controller} submitLabel="Save choices" pendingLabel="Saving…">
      <input type="hidden" {...form.register('token')} />
      <ChoiceFields
        idPrefix="choices"
        topics={topics}
        frequency={form.register('frequency')}
        categoryIds={form.register('categoryIds')}
        topicsError={form.formState.errors.categoryIds?.message}
        defaults={current}
      />
    </ActionForm>
  );
}
