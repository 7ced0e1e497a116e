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
    futures = [asyncio.run_coroutine_threadsafe(save(item, store), loop) for item in items]
    # 谁先完成就先取谁 / take each result as soon as it is ready
    return [future.result() for future in concurrent.futures.as_completed(futures)]


async def main(items):
    loop = asyncio.get_running_loop()
    store = []
    results = await asyncio.to_thread(legacy_worker, loop, save, items, store)
    return results, store


def run_in_fresh_thread(items):
    box = {}

    def target():
        box["result"] = asyncio.run(shout_all(items))  # 这个线程自己的循环 / this thread's own loop

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    return box["result"]


if __name__ == "__main__":
    print(asyncio.run(main(["ab", "cde", "f"])))
    print(run_in_fresh_thread(["a", "b"]))
