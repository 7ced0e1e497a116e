import asyncio


async def first_successes(jobs, n, deadline):
    # zh: jobs：无参数的 async 函数列表。
    # zh: 同时启动所有 job；按完成先后收集成功结果；够 n 个、到截止时间、或没有任务可等时返回；
    # zh: 返回前取消其余任务并等它们结束。
    # en: jobs: a list of zero-argument async functions.
    # en: Start every job at once; collect successes in completion order; return when there are n,
    # en: when the deadline passes, or when nothing is left; before returning, cancel the rest and wait for them.
    # TODO
    ...


if __name__ == "__main__":
    def job(name, delay, fail=False):
        async def run():
            try:
                await asyncio.sleep(delay)
                if fail:
                    raise RuntimeError(name)
                return name
            finally:
                print("cleanup", name)
        return run

    jobs = [job("A", 3), job("B", 1), job("C", 2), job("D", 0.5, fail=True), job("E", 4)]
    print(asyncio.run(first_successes(jobs, 2, 10)))
