import asyncio
import logging

import aiohttp

log = logging.getLogger("morning")


async def wait(seconds):
    log.info("waiting %s s", seconds)
    await asyncio.sleep(seconds)


async def brew_tea():
    print("开始烧水")
    await wait(1)  # 一个包装协程，照样让出事件循环 / a wrapper coroutine still yields to the loop
    print("水开了")
    return "tea"


async def fetch_status(url):
    # aiohttp.request：不必自己管理 session 的一次性请求 / a one-off request without managing a session
    async with aiohttp.request("GET", url) as response:
        log.info("%s -> %s", url, response.status)
        return response.status


async def morning(urls):
    return await asyncio.gather(brew_tea(), *(fetch_status(url) for url in urls))


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    print(asyncio.run(morning(urls)))
