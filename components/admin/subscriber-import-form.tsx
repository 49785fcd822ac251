'use client';
/**
 * Upload the old site's subscriber list, choose how its people come in (no default: importing people as
 * confirmed needs the admin to confirm they agreed), see the preview, then import the same file.
 */
import { useEffect, useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FormAction } from '@/lib/actions/state';
import type { SubscriberImportState } from '@/lib/actions/subscriber-import';
import { subscriberImportSchema } from '@/lib/validations/subscriber-import';
import { SubscriberImportSummary } from './subscriber-import-summary';

export function SubscriberImportForm({ action }: { action: FormAction }) {
  const controller = useActionForm(subscriberImportSchema, action, { consent: false });
  const { form } = controller;
  const summary = (controller.state as SubscriberImportState).summary;
  // Any change after a preview asks for a new preview before importing.
  const [changed, setChanged] = useState(false);
  useEffect(() => setChanged(false), [controller.state]);
  const step = summary?.step === 'preview' && !changed ? 'import' : 'preview';
  const errors = form.formState.errors;
  return (
    <div onChange={() => setChanged(true)}>
      <ActionForm controller={controller} submitLabel={step === 'import' ? `Import ${summary?.added ?? 0} subscribers` : 'Preview the import'} pendingLabel="Working…">
        <div className="field">
          <label htmlFor="import-file">CSV file of subscribers</label>
          <p id="import-file-hint" className="field__hint">
            Jetpack’s export (one column of addresses) or any file with an “email” column; “date” and “status” columns are used too. Up to 1 MB.
          </p>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? 'import-file-hint import-file-error' : 'import-file-hint'}
            {...form.register('file')}
          />
          {errors.file && (
            <p id="import-file-error" className="field__error">
              {errors.file.message}
            </p>
          )}
        </div>
        <fieldset className="choices" aria-describedby={errors.mode ? 'import-mode-error' : undefined}>
          <legend>How should these people be brought in?</legend>
          <label className="choice">
            <input type="radio" value="ask" {...form.register('mode')} /> Ask each to confirm: each gets an email explaining the move, and only those who confirm get posts
          </label>
          <label className="choice">
            <input type="radio" value="confirmed" {...form.register('mode')} /> They agreed to receive our posts: import them as confirmed
          </label>
          {errors.mode && (
            <p id="import-mode-error" className="field__error">
              {errors.mode.message}
            </p>
          )}
        </fieldset>
        {form.watch('mode') === 'confirmed' && (
          <div className="field">
            <p id="consent-hint" className="field__hint">
              Importing people as confirmed means they start getting every new post by email without being asked. Do it only if each of them agreed to get posts from this community, for example
              through the old site’s subscribe form, and did not unsubscribe since.
            </p>
            <label className="choice">
              <input type="checkbox" aria-describedby={errors.consent ? 'consent-hint consent-error' : 'consent-hint'} aria-invalid={errors.consent ? true : undefined} {...form.register('consent')} />{' '}
              Everyone on this list agreed to receive our posts by email
            </label>
            {errors.consent && (
              <p id="consent-error" className="field__error">
                {errors.consent.message}
              </p>
            )}
          </div>
        )}
        <input type="hidden" name="step" value={step} />
      </ActionForm>
      {summary && <SubscriberImportSummary summary={summary} />}
    </div>
  );
}
