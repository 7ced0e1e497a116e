import asyncio
import concurrent.futures
import threading


async def save(item, store):
    """必须在主线程的循环上运行 / must run on the main thread's loop."""
    await asyncio.sleep(0.5)
    store.append(item)
    return len(item)


async def shout_all(items):
    await asyncio.sleep(0.5)
    return [item.upper() for item in items]


def legacy_worker(loop, save, items, store):
    """在没有事件循环的线程里运行 / runs in a thread without an event loop."""
    futures = []
    for item in items:
        futures.append(asyncio.run_coroutine_threadsafe(save(item, store), loop))
    # 等全部完成，再按提交顺序取结果 / wait for all of them, then read the results in submission order
    concurrent.futures.wait(futures)
    return [future.result() for future in futures]


async def main(items):
    loop = asyncio.get_running_loop()
    store = []
    # 显式的线程池，而不是 asyncio.to_thread / an explicit thread pool instead of asyncio.to_thread
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        results = await loop.run_in_executor(pool, legacy_worker, loop, save, items, store)
    return results, store


class ShoutThread(threading.Thread):
    """一个线程子类：在 run() 里新建、运行、关闭自己的循环 / a Thread subclass that makes, runs and closes its own loop in run()."""

    def __init__(self, items):
        super().__init__()
        self.items = items
        self.result = None

    def run(self):
        loop = asyncio.new_event_loop()
        try:
            self.result = loop.run_until_complete(shout_all(self.items))
        finally:
            loop.close()


def run_in_fresh_thread(items):
    thread = ShoutThread(items)
    thread.start()
    thread.join()
    return thread.result


if __name__ == "__main__":
    print(asyncio.run(main(["ab", "cde", "f"])))
    print(run_in_fresh_thread(["a", "b"]))
