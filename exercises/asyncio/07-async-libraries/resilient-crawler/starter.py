import asyncio

import aiohttp


async def fetch_once(session, semaphore, url, timeout):
    # zh: TODO: 占一个名额，带超时请求一次，返回状态码
    # en: TODO: take a slot, request once with a timeout, return the status code
    ...


async def fetch_with_retries(session, semaphore, url, timeout, retries, backoff):
    # zh: TODO: 最多 1 + retries 次；超时和 5xx 重试，第 k 次失败后等 backoff * 2 ** k 秒；
    # zh:       4xx 和成功直接返回状态码；全部失败返回 None
    # en: TODO: at most 1 + retries attempts; retry timeouts and 5xx, waiting backoff * 2 ** k after failure k;
    # en:       return the status on success or 4xx; None when every attempt failed
    ...


async def crawl(urls, *, limit=3, timeout=1.0, retries=2, backoff=0.5):
    # zh: TODO: 一个 Semaphore(limit)、一个 ClientSession，按 urls 顺序返回结果
    # en: TODO: one Semaphore(limit), one ClientSession, results in the order of urls
    ...


if __name__ == "__main__":
    urls = ["https://shop.example.com/ok/1", "https://shop.example.com/down/1",
            "https://shop.example.com/slow/1", "https://shop.example.com/missing/1"]
    print(asyncio.run(crawl(urls)))
