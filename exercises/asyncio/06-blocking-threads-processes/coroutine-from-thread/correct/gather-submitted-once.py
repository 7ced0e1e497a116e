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

    async def save_every_item():
        # 在主循环上并发运行全部 save，gather 保持 items 的顺序
        # runs every save concurrently on the main loop; gather keeps the order of items
        return await asyncio.gather(*(save(item, store) for item in items))

    return asyncio.run_coroutine_threadsafe(save_every_item(), loop).result()


async def main(items):
    loop = asyncio.get_running_loop()
    store = []
    # run_in_executor(None, ...)：默认线程池 / the default thread pool
    results = await loop.run_in_executor(None, legacy_worker, loop, save, items, store)
    return results, store


def run_in_fresh_thread(items):
    results = []
    thread = threading.Thread(target=lambda: results.append(asyncio.run(shout_all(items))), name="shouter")
    thread.start()
    thread.join()
    return results[0]


if __name__ == "__main__":
    print(asyncio.run(main(["ab", "cde", "f"])))
    print(run_in_fresh_thread(["a", "b"]))
