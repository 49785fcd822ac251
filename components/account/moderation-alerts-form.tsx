'use client';
/** For moderators and admins: be emailed about held comments and new reports at once, daily, or never. */
import type { FormAction } from '@/lib/actions/state';
import { EmailChoiceForm } from './email-choice-form';

const CHOICES = [
  { value: 'instant', label: 'At once, one email per held comment or report' },
  { value: 'daily', label: 'One summary a day (at 08:00 in the site’s time zone), only when something new needs a moderator' },
  { value: 'never', label: 'Never (I look at the queue myself)' },
] as const;

export function ModerationAlertsForm({ action, current }: { action: FormAction; current: string }) {
  return (
    <EmailChoiceForm
      action={action}
      name="moderationAlerts"
      legend="Email me about comments held for moderation and new reports"
      choices={CHOICES}
      current={current}
      submitLabel="Save moderation emails"
    />
  );
}
