import asyncio
import threading
import time

def work(seconds):
    time.sleep(seconds)
    return seconds

async def ticker():
    for index in range(3):
        await asyncio.sleep(1)
        print("tick", index, time.monotonic())

async def main():
    results = await asyncio.gather(asyncio.to_thread(work, 2), asyncio.to_thread(work, 3), ticker())
    print(results, time.monotonic())
    event = threading.Event()
    def setter():
        time.sleep(0.25)
        event.set()
    threading.Timer(0.5, setter).start()
    print("event", await asyncio.to_thread(event.wait, 5), time.monotonic())
    print("timeout", await asyncio.to_thread(threading.Event().wait, 2), time.monotonic())

asyncio.run(main())
