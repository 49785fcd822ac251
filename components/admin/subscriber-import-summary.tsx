/** What a subscriber import would do (the preview) or did (the report): counts, then the lines to fix. */
import type { SubscriberImportSummary as Summary } from '@/lib/subscriptions/import-subscribers';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function SubscriberImportSummary({ summary }: { summary: Summary }) {
  const preview = summary.step === 'preview';
  return (
    <section aria-labelledby="import-summary-heading" className="notice">
      <h2 id="import-summary-heading">{preview ? 'Preview: nothing is written yet' : 'Import finished'}</h2>
      <dl className="stat-list">
        <div>
          <dt>{preview ? 'New subscribers' : 'Added'}</dt>
          <dd>{summary.added}</dd>
        </div>
        <div>
          <dt>Already subscribed (left as they are)</dt>
          <dd>{summary.existing}</dd>
        </div>
        <div>
          <dt>Left before (never added or emailed)</dt>
          <dd>{summary.leftBefore}</dd>
        </div>
        <div>
          <dt>Listed twice in the file</dt>
          <dd>{summary.duplicates.length}</dd>
        </div>
        <div>
          <dt>Not valid addresses</dt>
          <dd>{summary.invalid.length}</dd>
        </div>
      </dl>
      {!preview && summary.emailsQueued > 0 && <p>{plural(summary.emailsQueued, 'confirmation email is', 'confirmation emails are')} queued and sent at the outbox’s pace.</p>}
      {summary.namesIgnored && <p>The file has names: Hearth’s subscribers have no name, so names are not kept.</p>}
      {summary.duplicates.length > 0 && (
        <p>
          Repeated addresses (kept once) on line{summary.duplicates.length === 1 ? '' : 's'} {summary.duplicates.join(', ')}.
        </p>
      )}
      {summary.invalid.length > 0 && (
        <>
          <p>Not imported, not valid addresses:</p>
          <ul>
            {summary.invalid.slice(0, 100).map((bad) => (
              <li key={bad.line}>
                line {bad.line}: “{bad.value}”
              </li>
            ))}
          </ul>
          {summary.invalid.length > 100 && <p>…and {summary.invalid.length - 100} more.</p>}
        </>
      )}
    </section>
  );
}
