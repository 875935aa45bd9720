/**
 * Per-product work a timeout can really stop. Collecting a product's facts parses untrusted files
 * synchronously (CI definitions, manifests, coverage reports); in the main thread a timer cannot
 * interrupt that, so one product could hold the whole scan. Each product's facts are collected in
 * a worker thread of its own, which is terminated when the product's time is up (or it is
 * aborted): termination stops even synchronous code, and tears down the worker's handles, so the
 * git processes it started see their pipes close and end. The worker also has a memory ceiling, so
 * a product that blows up becomes an error entry instead of taking the scan down.
 */
import { Worker } from 'node:worker_threads';
import { InputError, type SourceProblem } from '../errors.js';
import type { Facts } from '../facts/types.js';
import type { GitObjectsSource } from '../repo/source.js';

export interface CollectRequest {
  source: GitObjectsSource;
  requirementIds: string[];
  /** The portfolio's governance report for the product: a path in the repository, or an absolute local path. */
  governanceReport?: string;
}

export type CollectReply =
  | { ok: true; facts: Facts }
  | { ok: false; input: true; message: string; problems: SourceProblem[]; code: string }
  | { ok: false; input: false; message: string };

/** Heap per product worker: far above what a repository within the read limits needs. */
const WORKER_HEAP_MB = 1024;

export class CollectStopped extends Error {
  constructor(
    readonly code: 'timeout' | 'out-of-memory' | 'internal',
    message: string,
  ) {
    super(message);
  }
}

const WORKER_URL = new URL('./collectWorker.js', import.meta.url);

/**
 * Collects `source`'s facts in a fresh worker. Rejects with the collector's InputError, with
 * CollectStopped('timeout') as soon as `signal` aborts (the worker is terminated first), or with
 * CollectStopped for a worker that died.
 */
export function collectInWorker(request: CollectRequest, signal: AbortSignal): Promise<Facts> {
  return new Promise<Facts>((resolve, reject) => {
    if (signal.aborted) return reject(new CollectStopped('timeout', 'stopped before collecting'));
    const worker = new Worker(WORKER_URL, { workerData: request, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, stdout: true });
    worker.stdout.resume(); // stdout carries the report; nothing a collector prints belongs there
    let settled = false;
    // The one place the worker ends: on its reply, its death, or the abort, whichever comes first.
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      settle();
    };
    const onAbort = (): void => finish(() => reject(new CollectStopped('timeout', 'stopped while collecting facts')));
    signal.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: CollectReply) =>
      finish(() => {
        if (reply.ok) resolve(reply.facts);
        else if (reply.input) reject(new InputError(reply.message, reply.problems, reply.code));
        else reject(new CollectStopped('internal', reply.message));
      }),
    );
    worker.once('error', (e: Error & { code?: string }) =>
      finish(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new CollectStopped('out-of-memory', `collecting facts needed more than ${WORKER_HEAP_MB} MB`)
            : new CollectStopped('internal', e.message),
        ),
      ),
    );
    worker.once('exit', (code) => finish(() => reject(new CollectStopped('internal', `collecting facts ended without a result (exit ${code})`))));
  });
}
