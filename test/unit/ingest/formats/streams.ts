/** Small helpers for reader tests: text as a stream, a reader's output gathered, heap measured after a full GC. */
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';

/** A stream of the text in chunks of `size` characters, so records and tags fall across chunk boundaries. */
export function textStream(text: string, size = 7): Readable {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  return Readable.from(chunks);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The rows of a reader that yields them an array per chunk, as one array. */
export async function collectRows<T>(chunks: AsyncIterable<readonly T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const chunk of chunks) all.push(...chunk);
  return all;
}

let gc: (() => void) | undefined;

/** heapUsed after a full collection (gc exposed at run time, so the test needs no node flag). */
export function heapAfterGc(): number {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
  return process.memoryUsage().heapUsed;
}
