import asyncio

FAST = "https://fast.example.com"
MEDIUM = "https://medium.example.com"
SLOW = "https://slow.example.com"
LATENCY = {FAST: 0.5, MEDIUM: 1.5, SLOW: 5.0}
CANCELLED = []  # zh: fetch() 记录被取消的请求 # en: fetch() records the requests that were cancelled


async def fetch(url):
    # zh: 模拟一次请求，不要修改。
    # en: A simulated request; do not change it.
    try:
        await asyncio.sleep(LATENCY.get(url, 1.0))
    except asyncio.CancelledError:
        CANCELLED.append(url)
        raise
    return f"<html>{url}</html>"


async def fetch_with_timeout(url, timeout):
    # zh: TODO: 最多等 timeout 秒；超时则返回 None（请求本身要被取消）
    # en: TODO: wait at most `timeout` seconds; on timeout return None (and the request itself must be cancelled)
    ...


async def fetch_all(urls, timeout):
    # zh: TODO: 并发地对每个 URL 调用 fetch_with_timeout，按 urls 的顺序返回结果列表
    # en: TODO: call fetch_with_timeout for every URL concurrently; return the results in the order of `urls`
    ...


if __name__ == "__main__":
    print(asyncio.run(fetch_all([FAST, SLOW, MEDIUM], 2)))
    print("cancelled:", CANCELLED)
