/**
 * Reads a subscriber list exported from another blog (issue 15): Jetpack's one-column list of addresses,
 * with or without a header, or a file whose header names its columns (email, name, date, status).
 * Each address is checked like the subscribe form's and lower-cased; the file's own duplicates, bad
 * addresses (with their line) and people the old site says left are set apart. Hearth's subscribers have
 * no name, so names are not kept. Bounded: at most IMPORT_MAX_BYTES and IMPORT_MAX_ROWS.
 */
import { parse } from 'csv-parse/sync';
import { emailAddressSchema } from '@/lib/validations/sign-in';

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;

export type CsvSubscriber = { line: number; email: string; subscribedAt: Date | null };
export type CsvReading = {
  subscribers: CsvSubscriber[];
  /** Addresses the file lists more than once (kept once). */
  duplicates: { line: number; email: string }[];
  invalid: { line: number; value: string }[];
  /** The file's status column says they unsubscribed, bounced or were removed: never imported. */
  leftBefore: { line: number; email: string }[];
  /** True when the file had a name column (names are not kept). */
  hadNames: boolean;
};

const HEADERS = {
  email: /^(e-?mail|e-?mail[ _-]?address|user[ _-]?email|subscriber[ _-]?email|address)$/,
  name: /^(name|full[ _-]?name|first[ _-]?name|display[ _-]?name|subscriber[ _-]?name)$/,
  date: /^(date|subscribed|subscribed[ _-]?(at|on|date)|created|created[ _-]?(at|on)|date[ _-]?subscribed|signup[ _-]?date)$/,
  status: /^(status|state|subscription[ _-]?status)$/,
};
const LEFT_STATUSES = /^(unsubscribed|bounced?|undeliverable|cleaned|removed|blocked|spam|complained|inactive)$/;

type Columns = { email: number; name: number; date: number; status: number };

/** The columns named by a header row, or null when the first row is data (Jetpack's plain list). */
function headerColumns(first: string[]): Columns | null {
  const names = first.map((cell) => cell.trim().toLowerCase());
  const find = (pattern: RegExp) => names.findIndex((name) => pattern.test(name));
  const email = find(HEADERS.email);
  if (email === -1) return null;
  return { email, name: find(HEADERS.name), date: find(HEADERS.date), status: find(HEADERS.status) };
}

function parseDate(value: string | undefined): Date | null {
  if (!value?.trim()) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A file that cannot be imported; its message is for the admin. */
export class SubscriberCsvError extends Error {}

type ParsedRecord = { record: string[]; info: { lines: number } };

function parseRecords(text: string): ParsedRecord[] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true, to_line: IMPORT_MAX_ROWS + 2 }) as unknown as ParsedRecord[];
  } catch (error) {
    throw new SubscriberCsvError(`This file could not be read as CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Throws SubscriberCsvError when the file is too large or is not CSV. */
export function readSubscriberCsv(text: string): CsvReading {
  if (Buffer.byteLength(text) > IMPORT_MAX_BYTES) throw new SubscriberCsvError(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`);
  const records = parseRecords(text);
  const rows = records.map((r) => r.record);
  const header = rows.length > 0 ? headerColumns(rows[0]) : null;
  const columns: Columns = header ?? { email: rows[0]?.findIndex((cell) => cell.includes('@')) ?? 0, name: -1, date: -1, status: -1 };
  if (columns.email === -1) columns.email = 0;
  const data = header ? rows.slice(1) : rows;
  if (data.length > IMPORT_MAX_ROWS) throw new SubscriberCsvError(`The file has more than ${IMPORT_MAX_ROWS.toLocaleString('en')} rows. Split it and import each part.`);
  const reading: CsvReading = { subscribers: [], duplicates: [], invalid: [], leftBefore: [], hadNames: columns.name !== -1 };
  const seen = new Set<string>();
  data.forEach((row, i) => {
    const line = records[i + (header ? 1 : 0)].info.lines;
    const value = row[columns.email] ?? '';
    const parsed = emailAddressSchema.safeParse(value);
    if (!parsed.success) return void reading.invalid.push({ line, value: value.slice(0, 200) });
    const email = parsed.data;
    if (seen.has(email)) return void reading.duplicates.push({ line, email });
    seen.add(email);
    if (columns.status !== -1 && LEFT_STATUSES.test((row[columns.status] ?? '').trim().toLowerCase())) return void reading.leftBefore.push({ line, email });
    reading.subscribers.push({ line, email, subscribedAt: parseDate(columns.date === -1 ? undefined : row[columns.date]) });
  });
  return reading;
}
