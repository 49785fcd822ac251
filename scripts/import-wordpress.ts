// `npm run import:wordpress -- <export.xml> [--uploads <folder or .zip>] [--dry-run]`: brings a WordPress
// export into the database named by DATABASE_URL (lib/wordpress/import.ts). Progress goes to stderr, the
// report to stdout. Exit 0 when done, 1 when the export cannot be read (with the reason), 2 for usage.
// `--job <id>` runs an import an admin started at /admin/import (lib/wordpress/job-runner.ts records its
// progress, report or error in import_jobs; exit 0 either way, anything else reads as "the process died").
// Runs with the server's heap bound (--max-old-space-size=256, see package.json): the importer streams.
import path from 'node:path';
import { importWordPress } from '@/lib/wordpress/import';
import { runImportJob } from '@/lib/wordpress/job-runner';
import type { ImportReport } from '@/lib/wordpress/report';
import { openUploads } from '@/lib/wordpress/uploads-source';
import { WxrError } from '@/lib/wordpress/wxr-types';

const USAGE = 'Usage: npm run import:wordpress -- <export.xml> [--uploads <folder or .zip>] [--dry-run]';

function parseArgs(args: string[]): { exportPath: string; uploads: string | null; dryRun: boolean } | null {
  let exportPath: string | null = null;
  let uploads: string | null = null;
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--dry-run') dryRun = true;
    else if (args[i] === '--uploads' && args[i + 1] && !args[i + 1].startsWith('--')) uploads = args[++i];
    else if (!args[i].startsWith('--') && exportPath === null) exportPath = args[i];
    else return null;
  }
  return exportPath ? { exportPath: path.resolve(exportPath), uploads: uploads && path.resolve(uploads), dryRun } : null;
}

/** One line per stage and per tenth of the file. */
function progressPrinter() {
  let last = '';
  return ({ stage, done, total }: { stage: string; done: number; total: number }) => {
    const tenth = total > 0 ? Math.floor((done / total) * 10) * 10 : 0;
    const line = `${stage}: ${tenth}%`;
    if (line !== last) process.stderr.write(`${line}\n`);
    last = line;
  };
}

function printReport(report: ImportReport): void {
  const lines = [report.dryRun ? 'Dry run: nothing was written.' : 'Import finished.', '', 'kind        added  updated  skipped'];
  for (const [kind, c] of Object.entries(report.counts)) lines.push(`${kind.padEnd(10)} ${String(c.added).padStart(6)} ${String(c.updated).padStart(8)} ${String(c.skipped).padStart(8)}`);
  if (report.notes.length > 0) lines.push('', 'Notes:');
  for (const n of report.notes) lines.push(`- ${n.subject}: ${n.outcome}. ${n.reason}`);
  if (report.notesLeftOut > 0) lines.push(`… and ${report.notesLeftOut} more notes.`);
  console.log(lines.join('\n'));
}

async function main(): Promise<number> {
  const [flag, jobId, ...rest] = process.argv.slice(2);
  if (flag === '--job') {
    if (!/^\d+$/.test(jobId ?? '') || rest.length > 0) {
      console.error('Usage: import-wordpress.ts --job <id>');
      return 2;
    }
    await runImportJob(Number(jobId));
    return 0;
  }
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  const uploads = args.uploads ? await openUploads(args.uploads) : null;
  try {
    const report = await importWordPress({ exportPath: args.exportPath, uploads, dryRun: args.dryRun, actor: { id: null, name: 'WordPress import' }, onProgress: progressPrinter() });
    printReport(report);
    return 0;
  } finally {
    await uploads?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof WxrError) console.error(`The export cannot be imported: ${error.message}`);
    else console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
