/**
 * Content a real site holds beyond its rows: an uploaded image (sent to the upload route as the editor does) and
 * a subscriber who was emailed a post (written as scheduled; the server's mail worker sends it when it is due).
 */
import sharp from 'sharp';
import type Database from 'better-sqlite3';
import type { Person } from './database';

/** Uploads a small PNG as `author`; resolves with the image's public address (/media/…). */
export async function uploadImage(baseUrl: string, author: Person): Promise<string> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c8844a' } })
    .png()
    .toBuffer();
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'photo.png');
  const response = await fetch(`${baseUrl}/api/admin/uploads`, { method: 'POST', body, headers: { Cookie: author.cookie } });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { url: string }).url;
}

/** A confirmed subscriber to every post, and a post due in `inMs` that the mail worker will send them. */
export function subscribeAndSchedulePost(db: Database.Database, email: string, inMs = 500): void {
  db.prepare("INSERT INTO subscribers (email, status, confirmed_at) VALUES (?, 'confirmed', ?)").run(email, Date.now());
  const author = db.prepare('SELECT id FROM users WHERE slug IS NOT NULL LIMIT 1').get() as { id: string };
  const category = db.prepare('SELECT id FROM categories LIMIT 1').get() as { id: number };
  db.prepare("INSERT INTO posts (slug, title, excerpt, body, status, published_at, author_id, category_id) VALUES (?, ?, ?, ?, 'scheduled', ?, ?, ?)").run(
    `for-subscribers-${Date.now()}`,
    'For our subscribers',
    'A post emailed to subscribers.',
    'Some words for subscribers.',
    Date.now() + inMs,
    author.id,
    category.id,
  );
}
