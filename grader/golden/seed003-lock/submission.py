import asyncio

async def critical_section(lock, name):
    print(f"Task {name}: Trying to acquire lock")
    async with lock:
        print(f"Task {name}: Acquired lock")
        await asyncio.sleep(0.1)
        print(f"Task {name}: Releasing lock")

async def main_lock():
    lock = asyncio.Lock()
    await asyncio.gather(
        critical_section(lock, "A"),
        critical_section(lock, "B"),
        critical_section(lock, "C")
    )

asyncio.run(main_lock())
