/**
 * An import's report as the admin reads it: counts per kind (added, updated, skipped), then every note,
 * grouped by what happened (skipped, changed, kept as text, missing) with its reason, and where to look next.
 */
import Link from 'next/link';
import type { ImportReport, ReportKind, ReportNote } from '@/lib/wordpress/report';

const KIND_NAMES: Record<ReportKind, string> = {
  author: 'Authors',
  category: 'Categories',
  tag: 'Tags',
  post: 'Posts',
  page: 'Pages',
  image: 'Images',
  comment: 'Comments',
  redirect: 'Old addresses (redirects)',
  subscriber: 'Subscribers',
};
const OUTCOMES: { outcome: ReportNote['outcome']; heading: string }[] = [
  { outcome: 'skipped', heading: 'Skipped: not brought in' },
  { outcome: 'changed', heading: 'Brought in differently' },
  { outcome: 'kept as text', heading: 'Kept as text (shortcodes and blocks Hearth does not have)' },
  { outcome: 'missing', heading: 'Missing (files not found)' },
];

export function ImportReportView({ report }: { report: ImportReport }) {
  const kinds = (Object.keys(KIND_NAMES) as ReportKind[]).filter((kind) => report.counts[kind]);
  return (
    <section aria-labelledby="import-report-heading" className="import-report">
      <h2 id="import-report-heading">{report.dryRun ? 'What the import would do (dry run: nothing was changed)' : 'What was imported'}</h2>
      <div className="table-scroll" role="region" aria-label="Counts per kind" tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Added</th>
              <th scope="col">Updated</th>
              <th scope="col">Skipped</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind}>
                <th scope="row">{KIND_NAMES[kind]}</th>
                <td>{report.counts[kind]!.added}</td>
                <td>{report.counts[kind]!.updated}</td>
                <td>{report.counts[kind]!.skipped}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {kinds.length === 0 && <p>The export held nothing to import.</p>}
      {OUTCOMES.map(({ outcome, heading }) => {
        const notes = report.notes.filter((n) => n.outcome === outcome);
        return notes.length === 0 ? null : (
          <details key={outcome} className="import-notes" open={notes.length <= 20}>
            <summary>
              {heading} ({notes.length})
            </summary>
            <ul>
              {notes.map((n, i) => (
                <li key={i}>
                  <strong>{n.subject}</strong>: {n.reason}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      {report.notesLeftOut > 0 && <p>{report.notesLeftOut} more notes were left out of this report to keep it readable.</p>}
      {!report.dryRun && (
        <p>
          See the <Link href="/admin/posts">posts</Link>, <Link href="/admin/pages">pages</Link>, <Link href="/admin/comments">comments waiting for moderation</Link> and the{' '}
          <Link href="/admin/redirects">old addresses that now redirect</Link>.
        </p>
      )}
    </section>
  );
}
