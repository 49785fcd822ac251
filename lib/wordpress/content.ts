/**
 * WordPress post content (Gutenberg blocks or classic-editor HTML) → Hearth Markdown that renders as the old
 * site showed it, with a report note for everything changed, missing or kept as text. The importer also asks
 * which images and attachments the content uses, to bring those in first.
 */
import { blockAttachmentIds, blocksToHtml, hasBlocks } from './content-blocks';
import { autop } from './content-autop';
import { htmlToMarkdown } from './content-html';
import { expandShortcodes, galleryIds, shortcodeAttributes } from './content-shortcodes';
import type { Conversion } from './content-state';
import { imageSources, outsideCode, removeComments } from './content-text';
import type { ReportNote } from './report';

export type ContentContext = {
  /** The Hearth address for a link to the old site (absolute or relative), or null when it is not one of the imported things (left as it was). */
  rewriteLink(url: string): string | null;
  /**
   * The Hearth image for an image address in the content ("/media/<file>.webp"), or null when its file was missing
   * (then the text keeps the alt text, and the report says so). A [gallery ids="12,13"] shortcode names its images
   * only by attachment id: for those it is asked for "attachment:<id>" (findAttachmentIds lists them beforehand).
   */
  image(url: string): string | null;
};
export type ConvertedContent = { markdown: string; notes: ReportNote[] };

/** `subject` is used in each note ("Post “Pacing” (WordPress ID 42)"). */
export function wordpressToMarkdown(content: string, context: ContentContext, subject: string): ConvertedContent {
  const conversion: Conversion = { context, subject, notes: [], literals: [] };
  // The conversion marks places with a few private-use characters; any in the post itself would be misread.
  const text = content.replace(/[\uE000-\uE005]/g, '');
  // Comments go first, but block delimiters are comments too: Gutenberg content loses them once parsed.
  const html = hasBlocks(text) ? removeComments(blocksToHtml(text, conversion)) : autop(removeComments(text));
  const markdown = htmlToMarkdown(expandShortcodes(html, conversion), conversion);
  return { markdown, notes: conversion.notes };
}

/** Every image address the content uses (img src, [caption] images), for the importer to bring in first. */
export function findImageUrls(content: string): string[] {
  return imageSources(content);
}

/** Attachment ids named by [gallery ids="…"] and gallery/image blocks ({"id":12}, {"ids":[…]}), for the importer. */
export function findAttachmentIds(content: string): string[] {
  const ids = hasBlocks(content) ? blockAttachmentIds(content) : [];
  outsideCode(content, (part) => {
    for (const [, attributes] of part.matchAll(/\[gallery\b([^\]]*)\]/gi)) ids.push(...galleryIds(shortcodeAttributes(attributes)));
    return part;
  });
  return [...new Set(ids)];
}
