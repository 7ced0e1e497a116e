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
    deadline = asyncio.get_running_loop().time() + timeout
    try:
        async with asyncio.timeout_at(deadline):
            page = await fetch(url)
    except TimeoutError:
        print(f"timed out: {url}")
        return None
    return page


async def fetch_all(urls, timeout):
    async def indexed(index, url):
        return index, await fetch_with_timeout(url, timeout)

    results = [None] * len(urls)
    # 按完成的先后取回，再按下标放回原位 / collected as they finish, put back at their index
    for next_done in asyncio.as_completed([indexed(index, url) for index, url in enumerate(urls)]):
        index, page = await next_done
        results[index] = page
    return results


if __name__ == "__main__":
    print(asyncio.run(fetch_all([FAST, SLOW, MEDIUM], 2)))
    print("cancelled:", CANCELLED)
