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
    # 请求结束后再看有没有超时：请求不会被提前结束
    loop = asyncio.get_running_loop()
    started = loop.time()
    page = await fetch(url)
    if loop.time() - started > timeout:
        return None
    return page


async def fetch_all(urls, timeout):
    # 每个请求各自有 timeout 秒，并发进行 / each request gets its own timeout, all run concurrently
    return await asyncio.gather(*(fetch_with_timeout(url, timeout) for url in urls))


if __name__ == "__main__":
    print(asyncio.run(fetch_all([FAST, SLOW, MEDIUM], 2)))
    print("cancelled:", CANCELLED)
