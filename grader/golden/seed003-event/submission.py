import asyncio

async def wait_for_event(event, name):
    print(f"Task {name}: Waiting for event")
    await event.wait()
    print(f"Task {name}: Event received, continuing")

async def set_the_event(event, delay):
    print(f"Setter: Sleeping for {delay} before setting event")
    await asyncio.sleep(delay)
    print("Setter: Setting the event")
    event.set()

async def main_event():
    event = asyncio.Event()
    await asyncio.gather(
        wait_for_event(event, "Reader1"),
        wait_for_event(event, "Reader2"),
        set_the_event(event, 1)
    )

asyncio.run(main_event())
