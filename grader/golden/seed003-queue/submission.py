import asyncio
import random

async def producer(queue, num_items):
    for i in range(num_items):
        item = f"item-{i}"
        print(f"Producer: Putting {item}")
        await queue.put(item)
        await asyncio.sleep(random.random() * 0.1)
    await queue.put(None)

async def consumer(queue, name):
    print(f"Consumer {name}: Starting")
    while True:
        item = await queue.get()
        if item is None:
            print(f"Consumer {name}: Received stop signal, exiting")
            queue.task_done()
            break
        print(f"Consumer {name}: Got {item}")
        await asyncio.sleep(random.random() * 0.2)
        queue.task_done()

async def main_queue():
    queue = asyncio.Queue()
    await asyncio.gather(
        producer(queue, 10),
        consumer(queue, "C1"),
        consumer(queue, "C2")
    )

asyncio.run(main_queue())
