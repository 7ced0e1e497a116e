import asyncio


async def worker(queue, results):
    # zh: TODO: 永远循环：取一个元素 → 处理 0.5 秒 → 把 item.upper() 加进 results → task_done()
    # en: TODO: loop forever: get an item → work 0.5 s → append item.upper() to results → task_done()
    ...


async def main(items):
    queue = asyncio.Queue()
    results = []
    # zh: TODO: 启动一个 worker 任务
    # en: TODO: start one worker task
    # zh: TODO: 把 items 放进队列
    # en: TODO: put the items into the queue
    # zh: TODO: 等所有元素处理完
    # en: TODO: wait until every item is processed
    # zh: TODO: 取消 worker 并等它结束
    # en: TODO: cancel the worker and wait for it to end
    return results


if __name__ == "__main__":
    print(asyncio.run(main(["a", "b", "c"])))
