/**
 * The grader's cross-language constants, from grader/contract.json (the one
 * source Python reads too: grader/python/awaitable/contract.py).
 */
import { z } from "zod";
import contract from "./contract.json";

const ZLimitSpec = z.object({ default: z.number(), min: z.number(), max: z.number(), integer: z.boolean(), describe: z.string() });

const ZContract = z.object({
  resultVersion: z.number().int(),
  protocolVersion: z.number().int(),
  python: z.tuple([z.number().int(), z.number().int()]),
  verdicts: z.tuple([
    z.literal("PASSED"),
    z.literal("FAILED"),
    z.literal("SYNTAX_ERROR"),
    z.literal("RUNTIME_ERROR"),
    z.literal("TIME_LIMIT"),
    z.literal("MEMORY_LIMIT"),
    z.literal("OUTPUT_LIMIT"),
    z.literal("GRADER_ERROR"),
  ]),
  testStatuses: z.tuple([z.literal("passed"), z.literal("failed"), z.literal("error"), z.literal("skipped")]),
  stallReasons: z.array(z.string()),
  misconceptions: z.array(z.string()).min(1),
  limits: z.object({
    cpuSeconds: ZLimitSpec,
    wallSeconds: ZLimitSpec,
    memoryMb: ZLimitSpec,
    processes: ZLimitSpec,
    fileSizeMb: ZLimitSpec,
    openFiles: ZLimitSpec,
    outputKb: ZLimitSpec,
    tmpMb: ZLimitSpec,
    virtualSeconds: ZLimitSpec,
  }),
  exitCodes: z.object({
    wrongPython: z.number().int(),
    zygoteNotSingleThreaded: z.number().int(),
    judgeFailed: z.number().int(),
    setupFailed: z.number().int(),
    fileSizeLimit: z.number().int(),
  }),
  cpu: z.object({ blockingUnits: z.number().positive(), unitSeconds: z.number().positive() }),
  deadlockGraceMs: z.number().positive(),
  maxEvents: z.number().int().positive(),
  maxFrameBytes: z.number().int().positive(),
  resultBounds: z.object({
    channelBytes: z.number().int().positive(),
    traceBytes: z.number().int().positive(),
    testOutputHeadBytes: z.number().int().positive(),
    testOutputTailBytes: z.number().int().positive(),
    testsOutputBytes: z.number().int().positive(),
  }),
});

export const CONTRACT = ZContract.parse(contract);

export const RESULT_VERSION = CONTRACT.resultVersion;
export const VERDICTS = CONTRACT.verdicts;
export const TEST_STATUSES = CONTRACT.testStatuses;
export const EXIT_CODES = CONTRACT.exitCodes;
export const RESULT_BOUNDS = CONTRACT.resultBounds;
export const MISCONCEPTIONS = CONTRACT.misconceptions as [string, ...string[]];

export type LimitName = keyof typeof CONTRACT.limits;
export const LIMIT_NAMES = Object.keys(CONTRACT.limits) as LimitName[];
