/**
 * The worker thread that collects one product's facts (see collectInWorker.ts): reads the pinned
 * trees from git objects, posts the facts back, and ends. It holds no state between products.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { collectFacts, type CollectOptions } from '../facts/collect.js';
import type { CollectRequest, CollectReply } from './collectInWorker.js';

const request = workerData as CollectRequest;

async function main(): Promise<CollectReply> {
  try {
    // `governanceReport` is the collector's option for a report named outside the repository's usual places.
    const options: CollectOptions = {
      requirementIds: new Set(request.requirementIds),
      ...(request.governanceReport !== undefined ? { governanceReport: request.governanceReport } : {}),
    };
    const facts = await collectFacts(request.source, options);
    return { ok: true, facts };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, input: true, message: e.message, problems: e.problems, code: e.code };
    return { ok: false, input: false, message: (e as Error)?.message ?? String(e) };
  }
}

parentPort!.postMessage(await main());
