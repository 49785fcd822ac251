/**
 * Reads a WordPress export from disk as a stream of entries (site, authors, terms, then items one by one),
 * so a 100 MB export is imported within a small heap. Refuses, with a WxrError a volunteer can act on and
 * before emitting anything more, files that are too large, not UTF-8, not XML, not WXR, cut off, or
 * hostile (entity declarations, deep nesting, a giant text node): see xml-limits.ts.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { checkFirstBytes, DEFAULT_MAX_BYTES, invalidUtf8, tooLarge } from './xml-limits';
import { WxrParser } from './xml-wxr-parser';
import type { ReadProgress, WxrEntry } from './wxr-types';

export type ReadWxrOptions = { onProgress?: (p: ReadProgress) => void; maxBytes?: number };

const CHUNK_BYTES = 64 * 1024;

export async function* readWxr(path: string, options: ReadWxrOptions = {}): AsyncIterable<WxrEntry> {
  const bytesTotal = (await stat(path)).size;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytesTotal > maxBytes) throw tooLarge(bytesTotal, maxBytes);
  const parser = new WxrParser();
  // fatal: a wrong byte is refused, not replaced by U+FFFD; a UTF-8 byte-order mark is skipped.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes: Buffer | undefined, bytesRead: number) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw invalidUtf8(bytesRead);
    }
  };
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  let bytesRead = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (bytesRead === 0) checkFirstBytes(chunk);
      bytesRead += chunk.length;
      parser.write(decode(chunk, bytesRead));
      yield* parser.drain();
      options.onProgress?.({ bytesRead, bytesTotal });
    }
    parser.write(decode(undefined, bytesRead));
    parser.end();
    yield* parser.drain();
  } finally {
    stream.destroy();
  }
}
