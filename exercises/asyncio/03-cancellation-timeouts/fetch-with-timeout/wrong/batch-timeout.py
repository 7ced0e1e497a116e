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
        return await asyncio.wait_for(fetch(url), timeout=timeout)
    except asyncio.TimeoutError:
        return None


async def fetch_all(urls, timeout):
    # 整批只有一个期限：最慢的一个超时，整批结果都丢了 / one deadline for the whole batch: when the slowest times out, every result is lost
    try:
        return await asyncio.wait_for(asyncio.gather(*(fetch(url) for url in urls)), timeout=timeout)
    except asyncio.TimeoutError:
        return [None] * len(urls)


if __name__ == "__main__":
    print(asyncio.run(fetch_all([FAST, SLOW, MEDIUM], 2)))
    print("cancelled:", CANCELLED)
