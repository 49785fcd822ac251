'use client';
/** "Schedule for": a local date and time; the browser's offset from UTC travels with it. */
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FormAction } from '@/lib/actions/state';
import { scheduleSchema } from '@/lib/validations/post-editor';

export function ScheduleForm({ action, postId }: { action: FormAction; postId: number }) {
  const controller = useActionForm(scheduleSchema, action, { publishAt: '', timezoneOffset: new Date().getTimezoneOffset() });
  const { form } = controller;
  return (
    <ActionForm controller={controller} submitLabel="Schedule" pendingLabel="Scheduling…">
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" {...form.register('timezoneOffset')} />
      <TextField label="Publish on (your local time)" type="datetime-local" error={form.formState.errors.publishAt?.message} registration={form.register('publishAt')} />
    </ActionForm>
  );
}
