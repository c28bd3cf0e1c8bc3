/** A small seeded generator (mulberry32): the same seed gives the same letters on every machine. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }

  weighted<T>(xs: readonly T[], weight: (x: T) => number): T {
    let r = this.next() * xs.reduce((s, x) => s + weight(x), 0);
    for (const x of xs) if ((r -= weight(x)) < 0) return x;
    return xs[xs.length - 1];
  }
}
