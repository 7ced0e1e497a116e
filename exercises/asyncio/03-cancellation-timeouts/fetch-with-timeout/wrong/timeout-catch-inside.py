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
    async with asyncio.timeout(timeout):
        try:
            return await fetch(url)
        except TimeoutError:  # 块里面收到的是 CancelledError，这里捕获不到 / inside the block it is CancelledError: never caught here
            return None


async def fetch_all(urls, timeout):
    return await asyncio.gather(*(fetch_with_timeout(url, timeout) for url in urls))


if __name__ == "__main__":
    print(asyncio.run(fetch_all([FAST, SLOW, MEDIUM], 2)))
    print("cancelled:", CANCELLED)
