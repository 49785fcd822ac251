/**
 * Readable differences between two versions of a post or page, field by field and word by word, for the
 * editor's revision list (rendered on the server as <del>/<ins>). Long unchanged stretches are shortened.
 */
import { diffWordsWithSpace } from 'diff';
import type { FieldLabel } from './safe-edit';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };
export type FieldDiff = { label: string; parts: DiffPart[] };

const KEEP = 80;

/** Unchanged text longer than a couple of lines keeps only its ends around the changes. */
function shorten(text: string, first: boolean, last: boolean): string {
  if (text.length <= KEEP * 2 + 20) return text;
  const head = first ? '' : text.slice(0, KEEP);
  const tail = last ? '' : text.slice(-KEEP);
  return `${head} … ${tail}`;
}

/** The fields that differ between `from` and `to` (as the editor shows them), in the labels' order. */
export function diffVersions<K extends string>(labels: FieldLabel<K>[], from: Record<K, string>, to: Record<K, string>): FieldDiff[] {
  return labels.flatMap(({ key, label }) => {
    if (from[key] === to[key]) return [];
    const changes = diffWordsWithSpace(from[key], to[key]);
    const parts = changes.map((change, i): DiffPart => {
      if (change.added) return { kind: 'added', text: change.value };
      if (change.removed) return { kind: 'removed', text: change.value };
      return { kind: 'same', text: shorten(change.value, i === 0, i === changes.length - 1) };
    });
    return [{ label, parts }];
  });
}
