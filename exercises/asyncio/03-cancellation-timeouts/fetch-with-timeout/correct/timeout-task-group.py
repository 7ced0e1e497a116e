import asyncio

FAST = "https://fast.example.com"
MEDIUM = "https://medium.example.com"
SLOW = "https://slow.example.com"
LATENCY = {FAST: 0.5, MEDIUM: 1.5, SLOW: 5.0}
CANCELLED = []  # fetch() 记录被取消的请求 / fetch() records the requests that were cancelled


async def fetch(url):
    """模拟一次请求，不要修改。 / A simulated request; do not change it."""
    try:
        await asyncio.sleep(LATENCY.get(url, 1.0))
    except asyncio.CancelledError:
        CANCELLED.append(url)
        raise
    return f"<html>{url}</html>"


async def fetch_with_timeout(url, timeout):
    try:
        # 到期时 asyncio.timeout 取消块里的 await（请求收到 CancelledError），离开块时变成 TimeoutError
        # when time is up asyncio.timeout cancels the await in the block (the request gets CancelledError),
        # which becomes TimeoutError as the block is left
        async with asyncio.timeout(timeout):
            return await fetch(url)
    except TimeoutError:
        return None


async def fetch_all(urls, timeout):
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch_with_timeout(url, timeout)) for url in urls]
    return [task.result() for task in tasks]


if __name__ == "__main__":
    print(asyncio.run(fetch_all([FAST, SLOW, MEDIUM], 2)))
    print("cancelled:", CANCELLED)
