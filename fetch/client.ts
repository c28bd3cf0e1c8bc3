import pkg from '../package.json' with { type: 'json' };
import { StopError } from './types.ts';

const HOME = (pkg as { homepage?: string }).homepage;
/** Names the project and where to read about it, so the site's staff know who is asking. */
export const USER_AGENT =
  `IMR Outcomes/${pkg.version} (research on California IMR decisions; ` +
  `${HOME ? `+${HOME}` : 'home page: see the project README'}; one request at a time)`;

export interface ClientOptions {
  baseUrl: string;
  /** The least time between the end of one request and the start of the next. */
  delayMs: number;
  maxRequests: number | null;
  timeoutMs: number;
  /** Retries after the first attempt, on timeouts, network errors, 5xx and 429. */
  retries: number;
  /** First backoff; each retry doubles it, times a random factor in [0.5, 1.5). */
  backoffMs: number;
  log: (line: string) => void;
}

export interface Reply {
  status: number;
  type: string;
  body: Buffer;
}

const MAX_WAIT_MS = 15 * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const retryable = (status: number) => status === 429 || status >= 500;

/** Seconds or an HTTP date, as the header allows; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Polite HTTP to one host: one request at a time, a pause between requests, backoff with
 * jitter (or the server's Retry-After) on timeouts, 5xx and 429, and a hard stop at
 * maxRequests. Any address on another host is refused before it is requested.
 */
export class Client {
  requests = 0;
  private readonly host: string;
  private lastEnd = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: ClientOptions) {
    this.host = new URL(o.baseUrl).host;
  }

  /** Throws unless the address is on the --base-url host. */
  checkHost(url: string): void {
    const host = new URL(url).host;
    if (host !== this.host)
      throw new Error(`refused: ${url} is on ${host}, not the --base-url host ${this.host}`);
  }

  get(url: string): Promise<Reply> {
    return this.enqueue(url, { method: 'GET' });
  }

  post(url: string, form: string): Promise<Reply> {
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    return this.enqueue(url, { method: 'POST', body: form, headers });
  }

  private enqueue(url: string, init: RequestInit): Promise<Reply> {
    this.checkHost(url);
    const run = this.queue.then(() => this.withRetries(url, init));
    this.queue = run.catch(() => {});
    return run;
  }

  private async withRetries(url: string, init: RequestInit): Promise<Reply> {
    let wait = 0;
    for (let attempt = 0; ; attempt++) {
      await sleep(Math.max(wait, this.lastEnd + this.o.delayMs - Date.now(), 0));
      if (this.o.maxRequests !== null && this.requests >= this.o.maxRequests)
        throw new StopError(`reached --max-requests ${this.o.maxRequests}`, 3);
      this.requests++;
      const { reply, problem, retryAfter } = await this.once(url, init);
      this.lastEnd = Date.now();
      if (!problem) return reply!;
      if (attempt >= this.o.retries)
        throw new StopError(
          `${init.method} ${url} failed ${attempt + 1} times, the last with ${problem}`,
          1,
        );
      const backoff = this.o.backoffMs * 2 ** attempt * (0.5 + Math.random());
      wait = Math.min(retryAfter ?? backoff, MAX_WAIT_MS);
      this.o.log(
        `${problem} from ${init.method} ${url}; retrying in ${(wait / 1000).toFixed(1)} s`,
      );
    }
  }

  private async once(url: string, init: RequestInit) {
    const headers = { ...(init.headers as object), 'user-agent': USER_AGENT };
    try {
      const res = await fetch(url, {
        ...init,
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
      const body = Buffer.from(await res.arrayBuffer());
      const reply = { status: res.status, type: res.headers.get('content-type') ?? '', body };
      if (!retryable(res.status)) return { reply };
      return {
        problem: `HTTP ${res.status}`,
        retryAfter: retryAfterMs(res.headers.get('retry-after')),
      };
    } catch (e) {
      const err = e as Error;
      const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
      const cause = (err.cause as Error | undefined)?.message;
      return {
        problem: timedOut ? `no answer in ${this.o.timeoutMs} ms` : (cause ?? err.message),
      };
    }
  }
}
