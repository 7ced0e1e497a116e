import asyncio
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
    # 先全部提交到主循环 / submit everything to the main loop first
    futures = [asyncio.run_coroutine_threadsafe(save(item, store), loop) for item in items]
    # 再等待：阻塞的是这个线程，不是事件循环 / then wait: this blocks this thread, not the loop
    return [future.result() for future in futures]


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
    return box.get("result")  # 没有 join：线程还在运行 / no join: the thread is still running


if __name__ == "__main__":
    print(asyncio.run(main(["ab", "cde", "f"])))
    print(run_in_fresh_thread(["a", "b"]))
