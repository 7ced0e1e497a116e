import asyncio
import threading  # noqa: F401


async def save(item, store):
    # zh: 必须在主线程的循环上运行
    # en: must run on the main thread's loop
    await asyncio.sleep(0.5)
    store.append(item)
    return len(item)


async def shout_all(items):
    await asyncio.sleep(0.5)
    return [item.upper() for item in items]


def legacy_worker(loop, save, items, store):
    # zh: 在没有事件循环的线程里运行
    # en: runs in a thread without an event loop
    # zh: TODO: 把每个 save(item, store) 提交到 loop 上，先全部提交，再按顺序取结果
    # en: TODO: submit every save(item, store) to loop, all first, then collect the results in order
    ...


async def main(items):
    loop = asyncio.get_running_loop()
    store = []
    results = await asyncio.to_thread(legacy_worker, loop, save, items, store)
    return results, store


def run_in_fresh_thread(items):
    # zh: TODO: 启动一个线程，在线程里用它自己的事件循环运行 shout_all(items)；join；返回结果
    # en: TODO: start a thread that runs shout_all(items) on its own loop; join it; return the result
    ...


if __name__ == "__main__":
    print(asyncio.run(main(["ab", "cde", "f"])))
    print(run_in_fresh_thread(["a", "b"]))
