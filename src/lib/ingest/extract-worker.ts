/**
 * Worker thread of the extraction budget (budget.ts): extracts the seeds it is sent, one at a
 * time, with the default gazetteer and events knowledge base (compiled once per worker), dated
 * against the build day of the ingest that started it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractSeed } from '../extract/pipeline.ts';
import { getDatingContext } from '../events/load.ts';
import { getDefaultCompiledGazetteer } from '../gazetteer/load.ts';

const now = new Date((workerData as { now: number }).now);

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  file: string;
}

parentPort!.on('message', (request: WorkerRequest) => {
  try {
    const outcome = extractSeed(request.bytes, request.file, getDefaultCompiledGazetteer(), getDatingContext(process.env, now));
    parentPort!.postMessage({ id: request.id, outcome });
  } catch (error) {
    // A failure of the extractor itself is this seed's rejection, not the ingest's end.
    const message = (error as Error)?.message ?? String(error);
    parentPort!.postMessage({ id: request.id, outcome: { ok: false, reason: `extraction failed: ${message.slice(0, 200)}`, warnings: [] } });
  }
});
