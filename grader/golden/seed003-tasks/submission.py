import asyncio

async def task1():
    print("Task 1 started")
    await asyncio.sleep(2)
    print("Task 1 finished")

async def task2():
    print("Task 2 started")
    await asyncio.sleep(1)
    print("Task 2 finished")

async def main():
    print("Main coroutine started")
    print("Creating tasks...")
    task_a = asyncio.create_task(task1())
    task_b = asyncio.create_task(task2())
    print("Tasks created, waiting using asyncio.gather...")
    await asyncio.gather(task_a, task_b)
    print("Main coroutine finished")

if __name__ == "__main__":
    print("Running with asyncio.run...")
    asyncio.run(main())
