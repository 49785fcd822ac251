/**
 * An import's report: counts per kind, and every thing skipped or changed with its reason, so nothing is
 * lost silently. The CLI prints it, /admin/import shows it, and import_jobs.report stores it as JSON.
 */

export type ReportKind = 'author' | 'category' | 'tag' | 'post' | 'page' | 'image' | 'comment' | 'redirect' | 'subscriber';

export type ReportNote = {
  /** What it is about, in words a volunteer reads: "Post “Pacing” (WordPress ID 42)". */
  subject: string;
  /** "skipped" (not brought in), "changed" (brought in differently), "kept as text" (shortcode or block). */
  outcome: 'skipped' | 'changed' | 'kept as text' | 'missing';
  reason: string;
};

export type ImportReport = {
  dryRun: boolean;
  /** Per kind: new rows, rows updated from an earlier run of the same export, and items skipped. */
  counts: Partial<Record<ReportKind, { added: number; updated: number; skipped: number }>>;
  notes: ReportNote[];
  /** Notes past MAX_REPORT_NOTES: counted, not kept. */
  notesLeftOut: number;
  startedAt: string;
  finishedAt: string;
};

/** Notes kept in full; past this the report says how many more there were (a 100 MB export can have 100,000). */
export const MAX_REPORT_NOTES = 2000;

export function emptyReport(dryRun: boolean, now = new Date()): ImportReport {
  return { dryRun, counts: {}, notes: [], notesLeftOut: 0, startedAt: now.toISOString(), finishedAt: '' };
}

export function count(report: ImportReport, kind: ReportKind, outcome: 'added' | 'updated' | 'skipped', by = 1): void {
  const entry = (report.counts[kind] ??= { added: 0, updated: 0, skipped: 0 });
  entry[outcome] += by;
}

export function note(report: ImportReport, entry: ReportNote): void {
  if (report.notes.length < MAX_REPORT_NOTES) report.notes.push(entry);
  else report.notesLeftOut += 1;
}
