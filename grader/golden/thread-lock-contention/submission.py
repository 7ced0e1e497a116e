import asyncio
import threading
import time

lock = threading.Lock()


def job(name):
    with lock:
        print(f"{name} got the lock at {time.monotonic():.1f}")
        time.sleep(1)
        print(f"{name} releases it at {time.monotonic():.1f}")


async def main():
    loop = asyncio.get_running_loop()
    start = time.monotonic()
    await asyncio.gather(
        loop.run_in_executor(None, job, "A"),
        loop.run_in_executor(None, job, "B"),
    )
    print(f"total {time.monotonic() - start:.1f} s")


asyncio.run(main())
