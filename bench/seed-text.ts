/**
 * Deterministic, realistic-looking text for the benchmark database: paragraphs are drawn from the
 * demo posts (db/seed-content/), so lengths, Markdown and word mix look like the real blog.
 * A fixed seed makes every run measure the same bytes.
 */
import { readSeedPosts } from '@/db/seed-content';

/** mulberry32: a tiny seeded PRNG; Math.random would make every run's pages differ. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, int, pick };
}
export type Random = ReturnType<typeof randomSource>;

const blocks = readSeedPosts()
  .flatMap((post) => post.body.split(/\n{2,}/))
  .filter((block) => block.trim() !== '');
const proseParagraphs = blocks.filter((block) => /^[A-Z]/.test(block) && block.length > 120);
const sentences = proseParagraphs.flatMap((p) => p.match(/[^.!?]+[.!?]/g) ?? []).map((s) => s.trim().replace(/\[([^\]]+)\]\([^)]+\)/g, '$1'));

/** A post body of about `length` characters: headings, lists and paragraphs as the demo posts have them. */
export function postBody(random: Random, length: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const block = random.pick(blocks);
    parts.push(block);
    size += block.length + 2;
  }
  return parts.join('\n\n');
}

/** A comment of one to three short paragraphs, without links (links can hold a comment for moderation). */
export function commentBody(random: Random): string {
  const paragraphs = Array.from({ length: random.int(1, 3) }, () => Array.from({ length: random.int(1, 4) }, () => random.pick(sentences)).join(' '));
  return paragraphs.join('\n\n');
}

export function sentence(random: Random): string {
  return random.pick(sentences);
}

const titleWords = ['Pacing', 'Sleep', 'Flares', 'Brain fog', 'Work', 'Gentle movement', 'Appointments', 'Winter', 'Friendship', 'Research', 'Rest', 'Family'];
const titleShapes = ['Notes on {w}', 'What helped me with {w}', '{w}: a plain-language guide', 'A week of {w}', 'Questions about {w}', 'Living with {w}'];

/** A post title that reads like the demo posts' titles, numbered so every slug is unique. */
export function postTitle(random: Random, n: number): string {
  return `${random.pick(titleShapes).replace('{w}', random.pick(titleWords).toLowerCase())} (${n})`.replace(/^./, (c) => c.toUpperCase());
}
