import type { ChildProcess } from "node:child_process";
import { RESULT_BOUNDS } from "./contract";

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

/** A result document is small (the judge bounds it: grader/contract.json resultBounds); more than this on the channel is not kept. */
const CHANNEL_KEPT_BYTES = RESULT_BOUNDS.channelBytes;

/** What one run printed and reported, as it arrives. */
export type RunOutput = {
  stdout: (chunk: Buffer) => void;
  stderr: (chunk: Buffer) => void;
  channel: (chunk: Buffer) => void;
  kept: () => { stdout: KeptOutput; stderr: KeptOutput; channel: Buffer };
};

/**
 * Keeps the head and tail of stdout and stderr, reads the result channel
 * (fd 3), and calls `onOutputLimit` once stdout and stderr together pass
 * `outputCapBytes`.
 */
export function runOutput(outputCapBytes: number, onOutputLimit: () => void): RunOutput {
  const stdout = new OutputKeeper();
  const stderr = new OutputKeeper();
  const collect = (keeper: OutputKeeper) => (chunk: Buffer) => {
    keeper.add(chunk);
    if (stdout.bytes + stderr.bytes > outputCapBytes) onOutputLimit();
  };
  const channel: Buffer[] = [];
  let channelBytes = 0;
  return {
    stdout: collect(stdout),
    stderr: collect(stderr),
    channel: (chunk) => {
      if (channelBytes < CHANNEL_KEPT_BYTES) channel.push(chunk);
      channelBytes += chunk.length;
    },
    kept: () => ({ stdout: stdout.kept(), stderr: stderr.kept(), channel: Buffer.concat(channel) }),
  };
}

/** Wires a started child process to runOutput(), and writes its standard input. */
export function collectRunOutput(child: ChildProcess, stdin: string | Buffer, outputCapBytes: number, onOutputLimit: () => void) {
  const output = runOutput(outputCapBytes, onOutputLimit);
  child.stdout?.on("data", output.stdout);
  child.stderr?.on("data", output.stderr);
  const channelStream = child.stdio[3];
  if (channelStream && "on" in channelStream) {
    channelStream.on("data", output.channel);
    channelStream.on("error", () => undefined);
  }
  child.stdin?.on("error", () => undefined); // Python may exit before reading all of it
  child.stdin?.end(stdin);
  return output.kept;
}
