/** The benchmark's report: a table for the terminal, the targets checked, and the JSON file. */
import fs from 'node:fs';
import path from 'node:path';
import type { FirstLoadJs } from './first-load-js';
import type { TargetResult } from './load';

export type Report = {
  startedAt: string;
  command: string;
  machine: { cpus: number; node: string; nginx: string | null; postgres: string | null };
  settings: Record<string, string | number>;
  data: Record<string, unknown>;
  baseline: string;
  results: (TargetResult & { ratioToBaseline: number | null })[];
  firstLoadJs: Record<string, FirstLoadJs>;
  skipped: string[];
  targets: { target: string; measured: string; met: boolean }[];
};

const pad = (value: string | number, width: number) => String(value).padStart(width);

export function formatTable(report: Report): string {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'bad+err', 'app CPU ms/req', 'nginx CPU ms/req', 'app peak RSS MB', 'x baseline'];
  const rows = report.results.map((r) => [
    r.name,
    r.requestsPerSecond,
    r.latencyMs.p50,
    r.latencyMs.p99,
    `${r.badStatus}+${r.errors}`,
    r.cpuMsPerRequest.app ?? r.cpuMsPerRequest.baseline ?? '',
    r.cpuMsPerRequest.nginx ?? '',
    r.peakRssMb.app ?? r.peakRssMb.baseline ?? '',
    r.ratioToBaseline === null ? '' : `${(r.ratioToBaseline * 100).toFixed(1)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[0]) : pad(c, widths[i]))).join('  ');
  const js = Object.entries(report.firstLoadJs).map(
    ([page, f]) =>
      `first-load JS, ${page}: ${f.totalGzipKb} kB gzipped (${f.scriptFiles} script files ${f.externalGzipKb} kB + inline ${f.inlineGzipKb} kB; nomodule polyfills ${f.noModuleGzipKb} kB not counted; HTML ${(f.htmlBytes / 1024).toFixed(0)} kB)`,
  );
  const targets = report.targets.map((t) => `${t.met ? 'met   ' : 'MISSED'}  ${t.target}: ${t.measured}`);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', ...js, '', 'issue targets:', ...targets, ...report.skipped.map((s) => `skipped: ${s}`)].join('\n');
}

/** Writes bench/results/<timestamp>.json and returns its path. */
export function writeReport(report: Report, folder: string): string {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
