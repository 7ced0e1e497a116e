import asyncio

async def cancellable_task():
    print("Cancellable task starting...")
    try:
        await asyncio.sleep(1000)
    except asyncio.CancelledError:
        print("Cancellable task was cancelled!")
    finally:
        print("Cancellable task exiting.")
    print("This line will not be reached if cancelled")

async def main_cancel():
    print("Main cancel start")
    task = asyncio.create_task(cancellable_task())
    await asyncio.sleep(1)
    print("Main cancel: Cancelling the task...")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("Main cancel: Task successfully cancelled and awaited.")
    print("Main cancel finished")

asyncio.run(main_cancel())
