/**
 * Bringing a subscriber list over from the old site: first what would happen (the preview), then the
 * import itself with its report. The file is read again for the import, so what is written is what the
 * admin saw counted, checked against the list as it is at that moment.
 */
import 'server-only';
import { getSiteSettings } from '@/db/queries/settings';
import { importSubscribers, statusesOf, type SubscriberImportMode } from '@/db/queries/subscriber-admin';
import { kickWorker } from '@/lib/jobs/worker';
import { movedSiteConfirmationEmail } from './emails';
import type { CsvReading } from './import-csv';

/** Counts and the lines an admin may need to fix. `added` is what the import would add (preview) or added. */
export type SubscriberImportSummary = {
  step: 'preview' | 'import';
  added: number;
  existing: number;
  duplicates: number[];
  invalid: { line: number; value: string }[];
  leftBefore: number;
  namesIgnored: boolean;
  emailsQueued: number;
};

function summary(step: SubscriberImportSummary['step'], reading: CsvReading, counts: { added: number; existing: number; leftBefore: number; emailsQueued: number }): SubscriberImportSummary {
  return {
    step,
    ...counts,
    leftBefore: counts.leftBefore + reading.leftBefore.length,
    duplicates: reading.duplicates.map((d) => d.line),
    invalid: reading.invalid,
    namesIgnored: reading.hadNames,
  };
}

export async function previewSubscriberImport(reading: CsvReading): Promise<SubscriberImportSummary> {
  const known = await statusesOf(reading.subscribers.map((s) => s.email));
  let existing = 0;
  let leftBefore = 0;
  for (const status of known.values()) {
    if (status === 'unsubscribed' || status === 'undeliverable') leftBefore++;
    else existing++;
  }
  return summary('preview', reading, { added: reading.subscribers.length - existing - leftBefore, existing, leftBefore, emailsQueued: 0 });
}

export async function runSubscriberImport(reading: CsvReading, mode: SubscriberImportMode, now = new Date()): Promise<SubscriberImportSummary> {
  const { name: siteName } = await getSiteSettings();
  const result = await importSubscribers(reading.subscribers, mode, (subscriber) => movedSiteConfirmationEmail(siteName, subscriber, now), now);
  const emailsQueued = mode === 'ask' ? result.added.length : 0;
  if (emailsQueued > 0) kickWorker();
  return summary('import', reading, { added: result.added.length, existing: result.existing.length, leftBefore: result.leftBefore.length, emailsQueued });
}
