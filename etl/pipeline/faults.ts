/**
 * Faults on demand, for the tests of a worker that crashes or hangs: with IMR_TEST_FAULTS=1
 * set, a file that begins with "IMR-TEST-FAULT exit N", "IMR-TEST-FAULT hang" or
 * "IMR-TEST-FAULT oom" ends its worker with exit code N, never returns, or fills its heap.
 * A DMHC row whose Findings begin so does the same. Without the variable such a file is only
 * a file that is not a letter, and such a row only a case.
 */
const ON = process.env.IMR_TEST_FAULTS === '1';
const MARK = 'IMR-TEST-FAULT ';

export function testFault(data: Uint8Array): void {
  if (!ON || data.length < MARK.length) return;
  testFaultText(Buffer.from(data.subarray(0, 64)).toString('latin1'));
}

/** The same for a text: a DMHC row whose Findings begin with the mark. */
export function testFaultText(head: string): void {
  if (!ON || !head.startsWith(MARK)) return;
  const [what, arg] = head.slice(MARK.length).split(/\s+/);
  if (what === 'exit') process.exit(Number(arg));
  if (what === 'hang') for (;;);
  if (what === 'oom') {
    const hold: number[][] = [];
    for (;;) hold.push(new Array(1e5).fill(0.5));
  }
}
