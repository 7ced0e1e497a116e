import asyncio
import functools
import time

import requests


async def brew_tea():
    loop = asyncio.get_running_loop()
    print("开始烧水")
    # time.sleep 在默认线程池里阻塞的是工作线程，不是事件循环
    # time.sleep in the default pool blocks a worker thread, not the event loop
    await loop.run_in_executor(None, time.sleep, 1)
    print("水开了")
    return "tea"


async def fetch_status(url):
    loop = asyncio.get_running_loop()
    response = await loop.run_in_executor(None, functools.partial(requests.get, url, timeout=10))
    return response.status_code


async def morning(urls):
    return await asyncio.gather(brew_tea(), *(fetch_status(url) for url in urls))


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    print(asyncio.run(morning(urls)))
