// Diagnoses the judge makes from what it observed (issue 11), graded in the
// real sandbox against fixture exercises (grader/diagnoses/): a message names
// a cause only when the run shows it, and says where it comes from
// (messageKind: the exercise's own words, an observed cause, or only what was
// measured against what was expected).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readGradingMaterial, runHarness, type LoadedExercise } from "./run-harness";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "diagnoses");
let threeUsers: LoadedExercise;
let slowFiles: LoadedExercise;
beforeAll(async () => {
  threeUsers = (await readGradingMaterial(path.join(fixtures, "three-users")))!;
  slowFiles = (await readGradingMaterial(path.join(fixtures, "slow-files")))!;
});

async function testOf(exercise: LoadedExercise, code: string, id: string) {
  const result = await runHarness({ mode: "grade", submissionCode: code, exercise });
  const test = result.tests.find((entry) => entry.id === id);
  if (!test) throw new Error(`no test ${id} in ${JSON.stringify(result.tests.map((entry) => entry.id))}`);
  return test;
}

const getUser = (failing = "pass") =>
  `import asyncio\n\n\nasync def get_user(user_id):\n    await asyncio.sleep(0.5)\n    ${failing}\n    return f"user_{user_id}"\n`;
const withMain = (body: string, failing?: string) => `${getUser(failing)}\n\nasync def main():\n${body}\n`;

const CONCURRENT = withMain("    return list(await asyncio.gather(get_user(1), get_user(2), get_user(3)))");
const ONE_BY_ONE = withMain("    return [await get_user(1), await get_user(2), await get_user(3)]");

describe("exceptions", () => {
  it("says that gather re-raised an exception, on which line, and what return_exceptions=True changes", async () => {
    const test = await testOf(
      threeUsers,
      withMain("    return list(await asyncio.gather(get_user(1), get_user(2), get_user(3)))", 'if user_id == 2:\n        raise RuntimeError("user 2 failed")'),
      "result",
    );
    expect(test.status).toBe("error");
    expect(test.misconception).toBe("exception");
    expect(test.messageKind).toBe("observed");
    expect(test.message?.en).toContain("RuntimeError: user 2 failed");
    expect(test.message?.en).toContain("asyncio.gather on line 12");
    expect(test.message?.en).toContain("return_exceptions=True");
    expect(test.message?.["zh-CN"]).toContain("第 12 行的 asyncio.gather");
  });

  it("does not mention gather for an exception that did not come through it", async () => {
    const test = await testOf(threeUsers, withMain("    return [await get_user(1), await get_user(2), await get_user(3)]", 'if user_id == 2:\n        raise RuntimeError("user 2 failed")'), "result");
    expect(test.status).toBe("error");
    expect(test.message?.en).toContain("RuntimeError: user 2 failed");
    expect(test.message?.en).not.toContain("gather");
  });
});

describe("results", () => {
  it("reports an un-awaited gather as a missing await", async () => {
    const test = await testOf(threeUsers, withMain("    return asyncio.gather(get_user(1), get_user(2), get_user(3))"), "result");
    expect(test.status).toBe("failed");
    expect(test.misconception).toBe("missing-await");
    expect(test.messageKind).toBe("observed");
    expect(test.message?.en).toContain("_GatheringFuture");
    expect(test.message?.en).toContain("awaited");
  });

  it("reports an un-awaited task as a missing await", async () => {
    const test = await testOf(threeUsers, withMain("    return asyncio.create_task(get_user(1))"), "result");
    expect(test.misconception).toBe("missing-await");
    expect(test.message?.en).toContain("asyncio Task");
  });

  it("a plain wrong value is only measured against the expected one", async () => {
    const test = await testOf(threeUsers, withMain('    return ["user_1"]'), "result");
    expect(test.misconception).toBeNull();
    expect(test.messageKind).toBe("measured");
    expect(test.message?.en).toBe("Wrong result: expected ['user_1', 'user_2', 'user_3'], got ['user_1'].");
  });
});

describe("timing", () => {
  it("one by one: the trace shows one operation at a time, so it says so", async () => {
    const test = await testOf(threeUsers, ONE_BY_ONE, "timing");
    expect(test.misconception).toBe("sequential");
    expect(test.messageKind).toBe("observed");
    expect(test.message?.en).toContain("the trace shows at most 1 operation in flight");
  });

  it("a Semaphore() with its single default slot is named, not told to use gather", async () => {
    const code = withMain(
      "    semaphore = asyncio.Semaphore()\n\n    async def one(user_id):\n        async with semaphore:\n            return await get_user(user_id)\n\n    return list(await asyncio.gather(one(1), one(2), one(3)))",
    );
    const test = await testOf(threeUsers, code, "timing");
    expect(test.misconception).toBe("sequential");
    expect(test.messageKind).toBe("observed");
    expect(test.message?.en).toContain("asyncio.Semaphore() has a single slot by default");
    expect(test.message?.en).not.toContain("gather");
    expect(test.message?.["zh-CN"]).toContain("默认只有 1 个名额");
  });

  it("a Semaphore(2) that caps three calls at two is only measured (no cause claimed)", async () => {
    const code = withMain(
      "    semaphore = asyncio.Semaphore(2)\n\n    async def one(user_id):\n        async with semaphore:\n            return await get_user(user_id)\n\n    return list(await asyncio.gather(one(1), one(2), one(3)))",
    );
    const test = await testOf(threeUsers, code, "timing");
    expect(test.misconception).toBe("timing");
    expect(test.messageKind).toBe("measured");
    expect(test.message?.en).toBe("Expected about 0.5 s (± 0.01 s) but measured 1 s: too slow.");
  });

  it("returning before the tasks finish names the tasks still running", async () => {
    const code = withMain('    tasks = [asyncio.create_task(get_user(n)) for n in (1, 2, 3)]\n    await asyncio.sleep(0.1)\n    return ["user_1", "user_2", "user_3"]');
    const test = await testOf(threeUsers, code, "timing");
    expect(test.misconception).toBe("timing");
    expect(test.messageKind).toBe("observed");
    expect(test.message?.en).toContain("the tasks get_user() had not finished");
  });

  it("too fast without unfinished tasks claims no cause", async () => {
    const test = await testOf(threeUsers, withMain('    await asyncio.sleep(0.1)\n    return ["user_1", "user_2", "user_3"]'), "timing");
    expect(test.messageKind).toBe("measured");
    expect(test.message?.en).toBe("Expected about 0.5 s (± 0.01 s) but measured only 0.1 s: the run ended sooner than the waits the exercise asks for.");
  });

  it("a correct solution passes with no message", async () => {
    const test = await testOf(threeUsers, CONCURRENT, "timing");
    expect(test.status).toBe("passed");
    expect(test.message).toBeNull();
    expect(test.messageKind).toBeNull();
  });
});

describe("names", () => {
  it("a missing task lists the tasks that did run", async () => {
    const code = withMain("    return [await get_user(1), await get_user(2), await get_user(3)]").replace(/get_user/g, "fetch_user");
    const test = await testOf(threeUsers, code, "overlap");
    expect(test.misconception).toBe("not-a-task");
    expect(test.messageKind).toBe("measured");
    expect(test.message?.en).toBe("No task ran the coroutine get_user() (the tasks that ran: main()).");
  });
});

it("the exercise's own message is of kind exercise", async () => {
  const test = await testOf(threeUsers, ONE_BY_ONE, "own-words");
  expect(test).toMatchObject({ status: "failed", misconception: "sequential", messageKind: "exercise" });
  expect(test.message).toEqual({ "zh-CN": "用了 1.5 秒", en: "took 1.5 s" });
});

describe("files", () => {
  const writeThree = (write: string) =>
    `import asyncio\nimport os\nimport tempfile\n\nimport aiofiles\n\n\nasync def save(folder, index):\n${write}\n\n\nasync def main():\n    folder = tempfile.mkdtemp()\n    await asyncio.gather(*(save(folder, index) for index in range(3)))\n`;
  const WITH_AIOFILES = writeThree('    async with aiofiles.open(os.path.join(folder, f"{index}.txt"), "w") as handle:\n        await handle.write("x")');
  const WITH_OPEN = writeThree('    with open(os.path.join(folder, f"{index}.txt"), "w") as handle:\n        handle.write("x")');

  it("aiofiles: open and write of three files at once take 0.2 s", async () => {
    const test = await testOf(slowFiles, WITH_AIOFILES, "timing");
    expect(test.status).toBe("passed");
  });

  it("a plain open() in a coroutine blocks the loop for the file latency, and the message says so", async () => {
    const timing = await testOf(slowFiles, WITH_OPEN, "timing");
    expect(timing.status).toBe("failed");
    expect(timing.duration).toBeCloseTo(0.3, 6); // three opens, one after another, with the loop blocked
    expect(timing.misconception).toBe("blocking-call");
    expect(timing.messageKind).toBe("observed");
    expect(timing.message?.en).toContain("used the built-in open() (open('0.txt'))");
    expect(timing.message?.en).toContain("aiofiles.open");
    const blocking = await testOf(slowFiles, WITH_OPEN, "no-blocking");
    expect(blocking.misconception).toBe("blocking-call");
    expect(blocking.message?.["zh-CN"]).toContain("内置的 open()");
  });

  it("open() in a thread of the executor holds only that thread", async () => {
    const code = writeThree('    def write():\n        with open(os.path.join(folder, f"{index}.txt"), "w") as handle:\n            handle.write("x")\n\n    await asyncio.to_thread(write)').replace(
      "async def main():",
      "async def main():  # the three opens run in three threads at once",
    );
    const result = await runHarness({ mode: "grade", submissionCode: code, exercise: slowFiles });
    expect(result.tests.find((entry) => entry.id === "no-blocking")?.status).toBe("passed");
    expect(result.tests.find((entry) => entry.id === "timing")?.duration).toBeCloseTo(0.1, 6);
  });
});

describe("pools", () => {
  const legacy = (build: string) =>
    `import asyncio\nimport concurrent.futures\nimport time\n\n\ndef render(name):\n    time.sleep(0.5)\n    return name\n\n\n${build}\n`;
  const PER_CALL = legacy(
    "async def one(name):\n    loop = asyncio.get_running_loop()\n    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:\n        return await loop.run_in_executor(pool, render, name)\n\n\nasync def main():\n    return list(await asyncio.gather(*(one(n) for n in ('a', 'b', 'c'))))",
  );
  const SHARED = legacy(
    "async def main():\n    loop = asyncio.get_running_loop()\n    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:\n        return list(await asyncio.gather(*(loop.run_in_executor(pool, render, n) for n in ('a', 'b', 'c'))))",
  );
  let pools: LoadedExercise;
  beforeAll(async () => {
    pools = (await readGradingMaterial(path.join(fixtures, "pools")))!;
  });

  it("a pool made per call is named as such when the cap is exceeded", async () => {
    const test = await testOf(pools, PER_CALL, "at-most-two");
    expect(test.misconception).toBe("unbounded-concurrency");
    expect(test.messageKind).toBe("observed");
    expect(test.message?.en).toContain("the run created 3 thread pools");
  });

  it("one shared pool of two keeps the cap and takes 1 s", async () => {
    const result = await runHarness({ mode: "grade", submissionCode: SHARED, exercise: pools });
    expect(result.tests.map((entry) => [entry.id, entry.status])).toEqual([["at-most-two", "passed"], ["timing", "passed"]]);
  });
});

describe("sessions", () => {
  let sessions: LoadedExercise;
  beforeAll(async () => {
    sessions = (await readGradingMaterial(path.join(fixtures, "sessions")))!;
  });
  const fetchThree = (body: string) =>
    `import asyncio\nimport aiohttp\n\nURLS = [f"https://example.com/{n}" for n in range(3)]\n\n\nasync def main():\n${body}\n`;

  it("the judge's record names the session of every request: one shared", async () => {
    const code = fetchThree(
      "    async with aiohttp.ClientSession() as session:\n        async def one(url):\n            async with session.get(url) as response:\n                return await response.text()\n        return await asyncio.gather(*(one(url) for url in URLS))",
    );
    expect((await testOf(sessions, code, "sessions")).message?.en).toBe("[1] [1, 1, 1]");
  });

  it("one per request, counted from 1 again in each run", async () => {
    const code = fetchThree(
      "    async def one(url):\n        async with aiohttp.ClientSession() as session:\n            async with session.get(url) as response:\n                return await response.text()\n    await aiohttp.ClientSession().close()  # made, never used\n    return await asyncio.gather(*(one(url) for url in URLS))",
    );
    const result = await runHarness({ mode: "grade", submissionCode: code, exercise: sessions });
    // The second test's run starts counting afresh.
    expect(result.tests.map((test) => test.message?.en)).toEqual(["[2, 3, 4] [2, 3, 4]", "[2, 3, 4] [2, 3, 4]"]);
  });
});

it("an ExceptionGroup out of a TaskGroup is the student's exception, not a grader error", async () => {
  const code = withMain(
    "    async with asyncio.TaskGroup() as group:\n        tasks = [group.create_task(get_user(n)) for n in (1, 2, 3)]\n    return [task.result() for task in tasks]",
    'if user_id == 2:\n        raise RuntimeError("user 2 failed")',
  );
  const result = await runHarness({ mode: "grade", submissionCode: code, exercise: threeUsers });
  // As for any uncaught exception of the student's (RUNTIME_ERROR), never the grader's.
  expect(result.verdict).toBe("RUNTIME_ERROR");
  const test = result.tests.find((entry) => entry.id === "result")!;
  expect(test).toMatchObject({ status: "error", misconception: "exception", messageKind: "observed" });
  expect(test.message?.en).toContain("ExceptionGroup");
  expect(test.error?.traceback).toContain("RuntimeError: user 2 failed");
});

it("a deadlock names what each task still waits on (a Condition nobody notifies)", async () => {
  const code = withMain(
    "    condition = asyncio.Condition()\n    stock = []\n\n    async def customer():\n        async with condition:\n            while not stock:\n                await condition.wait()\n            return stock.pop()\n\n    task = asyncio.create_task(customer())\n    await asyncio.sleep(0.5)\n    stock.append('user_1')  # no notify\n    return [await task, 'user_2', 'user_3']",
  );
  const test = await testOf(threeUsers, code, "result");
  expect(test).toMatchObject({ status: "error", misconception: "deadlock", messageKind: "observed" });
  expect(test.message?.en).toContain("Still waiting: main() waits on task main.<locals>.customer()");
  expect(test.message?.en).toContain("main.<locals>.customer() waits on Condition.wait");
  expect(test.message?.["zh-CN"]).toContain("在等 Condition.wait");
});
