import asyncio

async def sleepy_task(name, delay):
    print(f"Task {name}: Starting sleep {delay}")
    await asyncio.sleep(delay)
    print(f"Task {name}: Finished sleep {delay}")
    return f"Task {name} result"

async def main_sleep():
    print("Main sleep start")
    results = await asyncio.gather(
        sleepy_task("A", 3),
        sleepy_task("B", 1),
        sleepy_task("C", 2)
    )
    print(f"Main sleep finished, results: {results}")

asyncio.run(main_sleep())
