/**
 * What indexing finds in a file that is not open, and the reader that finds
 * it in the server's own thread (the browser server's way; the Node server
 * reads in a thread of its own, index-thread.ts, with the same indexedFileOf).
 */
import { courseHeader } from '../engine/course/header';
import type { ComplexityLimits } from '../engine/guard';
import type { IndexedFile, IndexReader } from './host';

/** A file's text (undefined: missing or not readable) as the index keeps it. */
export function indexedFileOf(text: string | undefined, path: string, maxLength: number, limits: Partial<ComplexityLimits> | undefined): IndexedFile {
  if (text === undefined) return { kind: 'missing' };
  if (text.length > maxLength) return { kind: 'too-large', length: text.length };
  return { kind: 'header', header: courseHeader(text, path, limits) };
}

/** Reads and parses in the calling thread; each file is parsed as its text arrives, between other messages. */
export class InThreadIndexReader implements IndexReader {
  constructor(private readonly readFile: (path: string) => Promise<string | undefined>) {}

  async read(path: string, maxLength: number, limits: Partial<ComplexityLimits> | undefined): Promise<IndexedFile> {
    const text = await this.readFile(path).catch(() => undefined);
    return indexedFileOf(text, path, maxLength, limits);
  }

  dispose(): void {}
}
