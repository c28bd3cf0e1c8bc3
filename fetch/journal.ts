import {
  closeSync,
  existsSync,
  fdatasyncSync,
  openSync,
  readFileSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import type { StateService } from '../model/manifest.ts';

/** What the run has learnt, one complete JSON line per event, appended and synced. */
export type Event =
  | { t: 'split'; search: string }
  | {
      t: 'page';
      search: string;
      page: number;
      total: number;
      next: boolean;
      services: StateService[];
    }
  | {
      t: 'pdf';
      case_number: string;
      url: string;
      ok: boolean;
      /** Why the letter is not in letters/ when ok is false. */
      error: string;
      fetched_at: string;
      sha256: string;
      bytes: number;
    };

/**
 * An append-only log: a kill at any moment leaves every earlier line whole, and at most a
 * torn last line, which reading drops and opening cuts off before the next append.
 */
export class Journal {
  private fd: number;

  constructor(
    readonly path: string,
    readonly events: Event[],
  ) {
    this.fd = openSync(path, 'a');
  }

  static open(path: string): Journal {
    const events: Event[] = [];
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      const end = text.lastIndexOf('\n') + 1;
      if (end < text.length) truncateSync(path, Buffer.byteLength(text.slice(0, end)));
      for (const line of text.slice(0, end).split('\n')) if (line) events.push(JSON.parse(line));
    }
    return new Journal(path, events);
  }

  append(e: Event): void {
    writeSync(this.fd, JSON.stringify(e) + '\n');
    fdatasyncSync(this.fd);
    this.events.push(e);
  }

  close(): void {
    closeSync(this.fd);
  }
}
