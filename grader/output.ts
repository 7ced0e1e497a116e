/**
 * What is kept of a run's stdout or stderr: the first 48 KiB and the last
 * 16 KiB. The rest is counted, not kept (the result says how much was cut).
 */
export const KEPT_HEAD_BYTES = 48 * 1024;
export const KEPT_TAIL_BYTES = 16 * 1024;

export type KeptOutput = { head: Buffer; tail: Buffer; bytes: number };

export class OutputKeeper {
  private head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer = Buffer.alloc(0);
  bytes = 0;

  add(chunk: Buffer): void {
    this.bytes += chunk.length;
    const forHead = Math.max(0, Math.min(chunk.length, KEPT_HEAD_BYTES - this.headBytes));
    if (forHead > 0) {
      this.head.push(chunk.subarray(0, forHead));
      this.headBytes += forHead;
    }
    if (forHead < chunk.length) {
      const rest = chunk.subarray(forHead);
      this.tail = Buffer.concat([this.tail, rest]);
      if (this.tail.length > KEPT_TAIL_BYTES) this.tail = this.tail.subarray(this.tail.length - KEPT_TAIL_BYTES);
    }
  }

  kept(): KeptOutput {
    return { head: Buffer.concat(this.head), tail: this.tail, bytes: this.bytes };
  }
}
