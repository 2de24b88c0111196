/**
 * The per-seed extraction budget: one seed may stop itself, never the archive.
 *
 * Seeds are extracted in a worker thread, one at a time. A seed that uses more than
 * SEED_CPU_LIMIT_MS of the worker's CPU time (polled every POLL_MS; wall time would depend on
 * how busy the machine is), or whose extraction outgrows the worker's heap (SEED_HEAP_LIMIT_MB,
 * V8 resource limits), or that throws, is rejected with that reason; the worker is replaced and
 * the next seed goes on. Seeds are at most MAX_SEED_BYTES (files.ts): with the limits below any
 * seed costs ≤ 10 s of CPU and < 500 MB of memory beyond the ingest's own.
 */
import { Worker } from 'node:worker_threads';
import type { ExtractOutcome } from '../extract/pipeline.ts';

export const SEED_CPU_LIMIT_MS = 10_000;
/**
 * Old-generation heap of the worker. The worker's whole footprint (young generation, code, regexp
 * and parser zones, the copy of the seed) comes on top: a dense 10 MB seed peaked at +396 MB over
 * an ingest of one small seed, a 10 MB plain article at about +410 MB (tests/robust-fuzz.test.ts).
 */
export const SEED_HEAP_LIMIT_MB = 256;
const YOUNG_LIMIT_MB = 16;
/** A seed at least this large gets a fresh worker afterwards, so its memory is returned at once. */
const RECYCLE_AFTER_BYTES = 1024 * 1024;
const POLL_MS = 100;
/** Wall-clock backstop, for a worker that stops answering CPU-usage polls. */
const WALL_LIMIT_MS = 10 * SEED_CPU_LIMIT_MS;

export interface BudgetOptions {
  cpuLimitMs?: number;
  heapLimitMb?: number;
  /** The ingest's clock reading (ms): the worker dates articles against the same build day. */
  now?: number;
}

type Settle = (outcome: ExtractOutcome) => void;

export class ExtractionBudget {
  private worker: Worker | null = null;
  /** Settles once the current worker runs (its CPU usage can be read from then on). */
  private online: Promise<void> = Promise.resolve();
  private pending: { id: number; settle: Settle; worker: Worker } | null = null;
  private nextId = 0;
  private readonly cpuLimitMs: number;
  private readonly heapLimitMb: number;
  private readonly now: number;

  constructor(options: BudgetOptions = {}) {
    this.cpuLimitMs = options.cpuLimitMs ?? SEED_CPU_LIMIT_MS;
    this.heapLimitMb = options.heapLimitMb ?? SEED_HEAP_LIMIT_MB;
    this.now = options.now ?? Date.now();
  }

  /** Extracts one seed in the worker; a seed over budget comes back rejected with the reason. */
  async extract(bytes: Uint8Array, file: string): Promise<ExtractOutcome> {
    const worker = this.ensureWorker();
    await this.online;
    const id = ++this.nextId;
    const startCpu = await worker.cpuUsage().catch(() => ({ user: 0, system: 0 }));
    const started = Date.now();
    return new Promise<ExtractOutcome>((resolve) => {
      let done = false;
      const timer = setInterval(() => {
        void worker.cpuUsage().then(
          (usage) => {
            const cpuMs = (usage.user + usage.system - startCpu.user - startCpu.system) / 1000;
            if (cpuMs > this.cpuLimitMs || Date.now() - started > WALL_LIMIT_MS) {
              settle({ ok: false, reason: `over the time limit: extraction stopped after ${(this.cpuLimitMs / 1000).toFixed(0)} s of CPU`, warnings: [] });
              this.kill();
            }
          },
          () => undefined,
        );
      }, POLL_MS);
      const settle: Settle = (outcome) => {
        if (done) return;
        done = true;
        clearInterval(timer);
        this.pending = null;
        resolve(outcome);
      };
      this.pending = { id, settle, worker };
      worker.postMessage({ id, bytes, file });
    }).finally(() => {
      if (bytes.length >= RECYCLE_AFTER_BYTES) this.kill();
    });
  }

  /** Stops the worker (the ingest calls this when done, so the process can exit). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private kill(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), {
      workerData: { now: this.now },
      resourceLimits: { maxOldGenerationSizeMb: this.heapLimitMb, maxYoungGenerationSizeMb: YOUNG_LIMIT_MB },
    });
    this.online = new Promise((resolve) => {
      worker.once('online', resolve);
      worker.once('exit', resolve);
    });
    worker.on('message', (message: { id: number; outcome: ExtractOutcome }) => {
      if (this.pending?.id === message.id) this.pending.settle(message.outcome);
    });
    const fail = (reason: string) => {
      if (this.worker === worker) this.worker = null;
      if (this.pending?.worker === worker) this.pending.settle({ ok: false, reason, warnings: [] });
    };
    worker.on('error', (error: Error & { code?: string }) => {
      fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `over the memory limit: extraction needed more than ${this.heapLimitMb} MB`
          : `extraction failed: ${(error.message ?? String(error)).slice(0, 200)}`,
      );
    });
    worker.on('exit', () => fail('extraction failed: the extraction worker stopped'));
    this.worker = worker;
    return worker;
  }
}
