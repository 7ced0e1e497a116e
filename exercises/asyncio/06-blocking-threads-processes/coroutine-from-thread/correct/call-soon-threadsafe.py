import asyncio
import concurrent.futures
import functools
import queue
import threading


async def save(item, store):
    """必须在主线程的循环上运行 / must run on the main thread's loop."""
    await asyncio.sleep(0.5)
    store.append(item)
    return len(item)


async def shout_all(items):
    await asyncio.sleep(0.5)
    return [item.upper() for item in items]


def start_on_loop(loop, coroutine, outcome):
    """在循环的线程里调用：建任务，把它的结果转交给线程那边的 Future。
    Called on the loop's thread: creates the task and passes its outcome on to the thread's Future."""
    task = loop.create_task(coroutine)

    def hand_over(done):
        if done.cancelled():
            outcome.cancel()
        elif done.exception() is not None:
            outcome.set_exception(done.exception())
        else:
            outcome.set_result(done.result())

    task.add_done_callback(hand_over)


def legacy_worker(loop, save, items, store):
    """在没有事件循环的线程里运行 / runs in a thread without an event loop."""
    outcomes = []
    for item in items:
        outcome = concurrent.futures.Future()
        # 只有 call_soon_threadsafe 能从别的线程安全地把回调交给循环
        # only call_soon_threadsafe may hand the loop a callback from another thread
        loop.call_soon_threadsafe(start_on_loop, loop, save(item, store), outcome)
        outcomes.append(outcome)
    return [outcome.result() for outcome in outcomes]


async def main(items):
    loop = asyncio.get_running_loop()
    store = []
    results = await asyncio.to_thread(legacy_worker, loop, save, items, store)
    return results, store


def shout_in_thread(items, answers):
    answers.put(asyncio.run(shout_all(items)))


def run_in_fresh_thread(items):
    answers = queue.Queue()
    thread = threading.Thread(target=functools.partial(shout_in_thread, items, answers))
    thread.start()
    thread.join()
    return answers.get_nowait()


if __name__ == "__main__":
    print(asyncio.run(main(["ab", "cde", "f"])))
    print(run_in_fresh_thread(["a", "b"]))
