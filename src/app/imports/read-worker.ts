/**
 * A worker thread reading a part of a big file (split.ts): it builds the same format from its recipe, reads the
 * header, as many blank lines as the file has line breaks before the part, then the part, and seals each batch and
 * sends it to the importing thread to be written, going on while at most AHEAD wait there.
 */
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { sealContent } from '../../ledger/contents.ts';
import { formatOf } from './formats.ts';
import { fileStream, type ReadSink, readRows } from './read.ts';
import type { WorkerInput, WorkerMessage } from './split.ts';

/** Batches sealed or sent and not yet written, at most. */
const AHEAD = 3;

const input = workerData as WorkerInput;
const port = parentPort;
if (!port) throw new Error('read-worker.ts runs as a worker thread (split.ts)');
const send = (message: WorkerMessage) => port.postMessage(message);

/** The part as the reader takes it: the header, the line breaks before the part, the part. */
async function* part(): AsyncGenerator<Buffer> {
  const { path, header, part } = input;
  yield Buffer.from(header);
  // The header's own line break is one of them.
  yield Buffer.alloc(part.line - 2, '\n');
  const range = part.end === null ? { start: part.start } : { start: part.start, end: part.end - 1 };
  yield* fileStream(path, range) as AsyncIterable<Buffer>;
}

let waiting = 0;
let wake: (() => void) | null = null;
port.on('message', () => {
  waiting -= 1;
  wake?.();
  wake = null;
});

/** Batches are sealed (compressed on the thread pool) while the next is read, and sent in order. */
let sending = Promise.resolve();
/** Why a batch could not be sealed: reading stops with it rather than wait for a batch never sent. */
let failure: { readonly error: unknown } | null = null;
const prefix = input.header.length + input.part.line - 2;
const sink: ReadSink = {
  async batch({ content, ...batch }) {
    waiting += 1;
    const sealing = sealContent(content);
    sending = sending.then(async () => send({ type: 'batch', batch: { ...batch, sealed: await sealing } }));
    sending.catch((error: unknown) => {
      failure ??= { error };
      wake?.();
    });
    while (waiting > AHEAD) {
      if (failure) throw failure.error;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  },
  progress: (bytes, rows) => send({ type: 'progress', bytes: Math.max(0, bytes - prefix), rows }),
};
const format = await formatOf(input.recipe.name, input.recipe.file, input.recipe.context);
const plan = { stage: input.stage, afterLine: 0, batchSize: input.batchSize, skipInvalid: input.skipInvalid };
const outcome = await readRows(format, Readable.from(part(), { objectMode: false }), input.file, plan, sink);
await sending;
send({ type: 'done', outcome: { ...outcome, organisations: [...outcome.organisations] } });
