import pLimit, { type LimitFunction } from 'p-limit';

/**
 * Turns to run statements: at most `max` at once, the rest waiting in order of arrival. On two
 * cores more would only share them, and each running statement holds its own working memory.
 * An alone turn waits its place in the same line and then runs with nothing else.
 */
export class Admission {
  private readonly limit: LimitFunction;

  constructor(readonly max: number) {
    if (!(Number.isSafeInteger(max) && max >= 1))
      throw new TypeError(
        `At most a whole number from 1 up of statements run at once, not ${max}.`,
      );
    this.limit = pLimit(max);
  }

  /** Runs fn in one of the turns, once those who came before have theirs. */
  turn<T>(fn: () => Promise<T>): Promise<T> {
    return this.limit(fn);
  }

  /**
   * Runs fn with no other statement running: it takes every turn, by queueing `max` holders
   * one after another, and runs once all of them hold theirs. The queue is first come first
   * served, so no one who came later starts before it, and it waits for none who came later.
   */
  async alone<T>(fn: () => Promise<T>): Promise<T> {
    let held = 0;
    let allHeld!: () => void;
    let release!: () => void;
    const ready = new Promise<void>((ok) => (allHeld = ok));
    const done = new Promise<void>((ok) => (release = ok));
    const holders = Array.from({ length: this.max }, () =>
      this.limit(() => {
        if (++held === this.max) allHeld();
        return done;
      }),
    );
    await ready;
    try {
      return await fn();
    } finally {
      release();
      await Promise.all(holders);
    }
  }
}
