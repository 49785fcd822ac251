/**
 * First-load JavaScript of a page, gzipped: every `<script src>` the HTML references (fetched from
 * the app and gzipped here, level 6) plus its inline scripts (the router payload
 * `self.__next_f.push(…)` among them), gzipped together as they travel inside the page.
 * JSON-LD blocks are data, not JavaScript, and `nomodule` scripts are only for browsers without ES
 * modules: both are left out of the total (the nomodule size is reported on its own).
 */
import { gzipSync } from 'node:zlib';

export type FirstLoadJs = { url: string; htmlBytes: number; scriptFiles: number; externalGzipKb: number; inlineGzipKb: number; totalGzipKb: number; noModuleGzipKb: number };

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

async function gzippedSize(urls: Set<string>): Promise<number> {
  let total = 0;
  for (const url of urls) {
    const file = await fetch(url);
    if (!file.ok) throw new Error(`${url} answered ${file.status}`);
    total += gzipSync(Buffer.from(await file.arrayBuffer())).length;
  }
  return total;
}

export async function firstLoadJs(pageUrl: string): Promise<FirstLoadJs> {
  const response = await fetch(pageUrl);
  if (!response.ok) throw new Error(`${pageUrl} answered ${response.status}`);
  const html = await response.text();
  const sources = new Set<string>();
  const noModule = new Set<string>();
  const inline: string[] = [];
  for (const [, attributes, content] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = attributes.match(/\bsrc="([^"]+)"/)?.[1];
    if (src) (/\bnomodule\b/i.test(attributes) ? noModule : sources).add(new URL(src.replace(/&amp;/g, '&'), pageUrl).href);
    else if (!/type="application\/ld\+json"/.test(attributes) && content.trim()) inline.push(content);
  }
  const external = await gzippedSize(sources);
  const inlineGzip = inline.length ? gzipSync(inline.join('\n')).length : 0;
  return {
    url: pageUrl,
    htmlBytes: Buffer.byteLength(html),
    scriptFiles: sources.size,
    externalGzipKb: kb(external),
    inlineGzipKb: kb(inlineGzip),
    totalGzipKb: kb(external + inlineGzip),
    noModuleGzipKb: kb(await gzippedSize(noModule)),
  };
}
