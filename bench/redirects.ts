/**
 * Issue 15: old WordPress addresses must not slow reader pages down. The post page is measured again right
 * after the plain one, with 10,000 redirects (what a large import writes) added to the database first, and
 * the two are compared in the same run (bench/targets.ts).
 */
import Database from 'better-sqlite3';
import type { Measured, Target } from './load';

export const REDIRECTS_TARGET = 'post page with 10,000 redirects, anonymous';
const COUNT = 10_000;

/** Writes COUNT redirects in the forms an import makes (date, %postname%, ?p=, uploads), in one transaction. */
function addRedirects(databaseFile: string, postPath: string): void {
  const db = new Database(databaseFile);
  try {
    const insert = db.prepare("INSERT OR IGNORE INTO redirects (from_path, to_path, origin, created_at) VALUES (?, ?, 'wordpress', ?)");
    const forms = [
      (i: number) => `/2019/${String((i % 12) + 1).padStart(2, '0')}/01/old-post-${i}`,
      (i: number) => `/old-post-${i}`,
      (i: number) => `/?p=${i}`,
      (i: number) => `/wp-content/uploads/2019/01/image-${i}.jpg`,
    ];
    db.transaction(() => {
      for (let i = 0; i < COUNT; i++) insert.run(forms[i % forms.length](i), postPath, Date.now());
    })();
  } finally {
    db.close();
  }
}

export function redirectTargets(databaseFile: string, url: string, postPath: string, app: Measured): Target[] {
  return [{ name: REDIRECTS_TARGET, url, servers: [app], before: () => addRedirects(databaseFile, postPath) }];
}
