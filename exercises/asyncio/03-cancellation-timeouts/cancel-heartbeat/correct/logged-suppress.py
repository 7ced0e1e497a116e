import asyncio
import contextlib


def beat(log):
    log.append("beat")


def clean_up(log):
    log.append("stopped")


async def heartbeat(log):
    try:
        while True:
            await asyncio.sleep(1)
            beat(log)
    except asyncio.CancelledError:
        clean_up(log)
        raise


async def logged(coroutine, name):
    """A wrapper task that reports how its coroutine ended."""
    try:
        return await coroutine
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise


async def run_for(seconds):
    log = []
    task = asyncio.create_task(logged(heartbeat(log), "heartbeat"))
    await asyncio.sleep(seconds)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task  # 等它真正结束 / wait until it has really ended
    return log


if __name__ == "__main__":
    print(asyncio.run(run_for(3.5)))  # ['beat', 'beat', 'beat', 'stopped']
