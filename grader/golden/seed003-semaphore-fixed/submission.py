import asyncio

async def limited_resource(semaphore, name):
    print(f"Task {name}: Trying to acquire semaphore")
    async with semaphore:
        print(f"Task {name}: Acquired semaphore")
        await asyncio.sleep(0.5)
        print(f"Task {name}: Releasing semaphore")

async def main_semaphore():
    semaphore = asyncio.Semaphore(2)
    await asyncio.gather(
        limited_resource(semaphore, "A"),
        limited_resource(semaphore, "B"),
        limited_resource(semaphore, "C"),
        limited_resource(semaphore, "D")
    )

asyncio.run(main_semaphore())
