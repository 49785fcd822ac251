/**
 * One conversion's state, handed through every step: the importer's context, the subject the report notes name,
 * the notes so far, and text kept literally (unknown shortcodes), which stands in the HTML as a placeholder so
 * that turndown neither escapes nor splits it and is put back, escaped for Markdown, at the end.
 */
import type { ReportNote } from './report';
import type { ContentContext } from './content';

export type Conversion = { context: ContentContext; subject: string; notes: ReportNote[]; literals: string[] };

const PLACEHOLDER = /\uE000(\d+)\uE001/g;

export function addNote(conversion: Conversion, outcome: ReportNote['outcome'], reason: string): void {
  conversion.notes.push({ subject: conversion.subject, outcome, reason });
}

/** A placeholder for `text`, to be shown exactly as written. */
export function literal(conversion: Conversion, text: string): string {
  conversion.literals.push(text);
  return `\uE000${conversion.literals.length - 1}\uE001`;
}

/** The Markdown with each placeholder replaced by its text, every Markdown-special character in it escaped. */
export function restoreLiterals(markdown: string, conversion: Conversion): string {
  return markdown.replace(PLACEHOLDER, (_, index: string) => (conversion.literals[Number(index)] ?? '').replace(/[\\`*_[\]<>"'|&~!#()]/g, '\\$&'));
}
