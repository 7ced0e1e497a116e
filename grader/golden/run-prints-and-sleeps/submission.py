import asyncio
import sys
import time


async def tick(name, seconds):
    for round_number in range(2):
        await asyncio.sleep(seconds)
        print(f"{name} {round_number} at {time.monotonic():.1f}")


async def main():
    print("start")
    print("a warning", file=sys.stderr)
    await asyncio.gather(tick("fast", 0.5), tick("slow", 0.8))
    print("done")


asyncio.run(main())
