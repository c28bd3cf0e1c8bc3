import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Done, Job } from './worker.ts';

/** Worker threads that each take one batch at a time; `run` resolves with that batch's result. */
export class Pool {
  private idle: Worker[] = [];
  private waiting: ((w: Worker) => void)[] = [];
  private all: Worker[];
  readonly size: number;

  constructor(size = availableParallelism()) {
    this.size = size;
    this.all = Array.from(
      { length: size },
      () => new Worker(new URL('./worker-entry.mjs', import.meta.url)),
    );
    this.idle = [...this.all];
  }

  async run(job: Job): Promise<Done> {
    const w = this.idle.pop() ?? (await new Promise<Worker>((ok) => this.waiting.push(ok)));
    try {
      return await new Promise<Done>((ok, fail) => {
        w.once('message', ok);
        w.once('error', fail);
        w.postMessage(job);
      });
    } finally {
      w.removeAllListeners('error');
      const next = this.waiting.shift();
      if (next) next(w);
      else this.idle.push(w);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
