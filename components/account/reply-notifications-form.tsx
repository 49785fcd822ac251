'use client';
/** "Email me when someone replies": at once, a daily digest, or never. */
import type { FormAction } from '@/lib/actions/state';
import { EmailChoiceForm } from './email-choice-form';

const CHOICES = [
  { value: 'instant', label: 'At once, one email per reply' },
  { value: 'daily', label: 'One summary a day (at 08:00 in the site’s time zone), only when there are replies' },
  { value: 'never', label: 'Never' },
] as const;

export function ReplyNotificationsForm({ action, current }: { action: FormAction; current: string }) {
  return <EmailChoiceForm action={action} name="replyNotifications" legend="Email me when someone replies to my comments" choices={CHOICES} current={current} submitLabel="Save email choices" />;
}
