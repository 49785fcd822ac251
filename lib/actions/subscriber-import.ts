'use server';
/** Admins bring the old site's subscriber list over: first a preview of what would happen, then the import. */
import { readSubscriberCsv, SubscriberCsvError } from '@/lib/subscriptions/import-csv';
import { previewSubscriberImport, runSubscriberImport, type SubscriberImportSummary } from '@/lib/subscriptions/import-subscribers';
import { ADMINS } from '@/lib/roles';
import { subscriberImportSchema } from '@/lib/validations/subscriber-import';
import { formAction } from './guarded';
import type { ActionState } from './state';

/** The action's answer: the usual state, with the preview or the report. */
export type SubscriberImportState = ActionState & { summary?: SubscriberImportSummary };

const formValue = (formData: FormData, name: string) => formData.get(name) ?? undefined;

export const importSubscribersAction = formAction(
  {
    name: 'subscriber import',
    access: { roles: ADMINS, refusal: 'Only admins can import subscribers.' },
    schema: subscriberImportSchema,
    fields: (formData) => ({ file: formValue(formData, 'file'), mode: formValue(formData, 'mode'), consent: formValue(formData, 'consent'), step: formValue(formData, 'step') }),
  },
  async ({ file, mode, step }): Promise<SubscriberImportState> => {
    let reading;
    try {
      reading = readSubscriberCsv(await (file as Blob).text());
    } catch (error) {
      if (!(error instanceof SubscriberCsvError)) throw error;
      return { ok: false, message: error.message, fieldErrors: { file: [error.message] } };
    }
    if (step === 'preview') return { ok: true, message: 'Here is what the import would do. Nothing has been written yet.', summary: await previewSubscriberImport(reading) };
    const summary = await runSubscriberImport(reading, mode);
    return { ok: true, message: `Imported ${summary.added} subscriber${summary.added === 1 ? '' : 's'}.`, summary };
  },
);
