import { Worker } from 'node:worker_threads';
import { availableParallelism, freemem } from 'node:os';
import { addDone, emptyDone, hashFile, quarantine, type Done, type Job } from './batch.ts';
import { quarantineCase } from '../dmhc/rows.ts';

/** What one worker can take at its peak (V8 heap, PDFium's memory, a batch's rows). */
const WORKER_MB = 256;
export const DEFAULT_FILE_TIMEOUT_MS = 60_000;

/** As many workers as cores, and no more than free memory holds (at least one). */
export const poolSize = () =>
  Math.max(1, Math.min(availableParallelism(), Math.floor(freemem() / 1e6 / WORKER_MB)));

interface Slot {
  worker: Worker;
  /** Files the worker has started, which it counts up as it goes (see worker.ts). */
  started: Int32Array;
}
type Attempt = { done: Done } | { failed: number; reason: string };

/**
 * Worker threads that each take one batch at a time; `run` resolves with that batch's result.
 * A worker that dies on a file (it exits, runs out of memory, or an engine brings it down) or
 * takes longer than the time limit on one is replaced; that file is quarantined with the
 * reason and the rest of the batch is read again by the new worker.
 */
export class Pool {
  private idle: Slot[] = [];
  private waiting: ((s: Slot) => void)[] = [];
  private all = new Set<Slot>();
  readonly size: number;
  private readonly timeoutMs: number;

  constructor(size = poolSize(), timeoutMs = DEFAULT_FILE_TIMEOUT_MS) {
    this.size = size;
    this.timeoutMs = timeoutMs;
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Slot {
    const progress = new SharedArrayBuffer(4);
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { progress },
      // A worker that runs away with memory dies on its own, and takes one file with it. A
      // young generation of 64 MB lets a batch's texts die young: staging 100,000 DMHC rows
      // took 6.1 s instead of 7.7.
      resourceLimits: { maxOldGenerationSizeMb: WORKER_MB, maxYoungGenerationSizeMb: 64 },
    });
    const slot = { worker, started: new Int32Array(progress) };
    this.all.add(slot);
    return slot;
  }

  async run(job: Job): Promise<Done> {
    const out = emptyDone();
    let [files, texts] = [job.files ?? [], job.texts ?? []];
    let rows = job.cases?.rows ?? [];
    const cases = () => job.cases && { ...job.cases, rows };
    while (files.length + texts.length + rows.length) {
      const a = await this.attempt({ ...job, files, texts, cases: cases() });
      if ('done' in a) {
        addDone(out, a.done);
        break;
      }
      // The worker takes the files, then the texts, then the rows, in order: the one it failed on is out.
      if (a.failed < files.length) {
        const f = files[a.failed];
        if (f.known) out.changed++;
        else out.new++;
        quarantine(out, f.source_file, hashFile(f.path), a.reason, job.version);
        files = files.filter((_, i) => i !== a.failed);
      } else if (a.failed < files.length + texts.length) {
        const t = texts[a.failed - files.length];
        out.reparsed++;
        quarantine(out, t.source_file, t.source_sha256, a.reason, job.version);
        texts = texts.filter((x) => x !== t);
      } else {
        const r = rows[a.failed - files.length - texts.length];
        quarantineCase(out, job.cases!.file, `${r.id} (row ${r.no}): ${a.reason}`);
        rows = rows.filter((x) => x !== r);
      }
    }
    return out;
  }

  // One try at a batch on one worker; a failed worker is replaced before its slot is handed on.
  private async attempt(job: Job): Promise<Attempt> {
    let slot = this.idle.pop() ?? (await new Promise<Slot>((ok) => this.waiting.push(ok)));
    const a = await this.watch(slot, job).catch(async (e: Error) => {
      this.all.delete(slot);
      await slot.worker.terminate();
      throw e;
    });
    if (!('done' in a)) {
      this.all.delete(slot);
      await slot.worker.terminate();
      slot = this.spawn();
    }
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
    return a;
  }

  // Resolves with the worker's result, or with which file it died or hung on and why.
  private watch(slot: Slot, job: Job): Promise<Attempt> {
    const { worker, started } = slot;
    const at = Atomics.load(started, 0);
    const file = () => Atomics.load(started, 0) - at - 1;
    return new Promise<Attempt>((ok, fail) => {
      let seen = at;
      let since = performance.now();
      const timer = setInterval(
        () => {
          const now = Atomics.load(started, 0);
          if (now !== seen) [seen, since] = [now, performance.now()];
          else if (now > at && performance.now() - since > this.timeoutMs)
            end({ failed: file(), reason: `took longer than ${this.timeoutMs / 1000} s to read` });
        },
        Math.min(1000, this.timeoutMs / 4),
      );
      let error = '';
      const end = (a: Attempt) => {
        clearInterval(timer);
        worker.removeAllListeners('message').removeAllListeners('error');
        worker.removeAllListeners('exit');
        if ('failed' in a && a.failed < 0) fail(new Error(`a worker failed to start: ${a.reason}`));
        else ok(a);
      };
      worker.once('message', (done: Done) => end({ done }));
      worker.once('error', (e) => (error = `: ${e.message}`));
      worker.once('exit', (code) =>
        end({
          failed: file(),
          reason: `worker crashed while reading this file (exit code ${code}${error})`.slice(
            0,
            500,
          ),
        }),
      );
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.all].map((s) => s.worker.terminate()));
  }
}
