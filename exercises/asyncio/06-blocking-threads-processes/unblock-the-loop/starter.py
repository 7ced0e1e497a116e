import asyncio
import time

import aiohttp  # noqa: F401  # zh: 你可能会用到 # en: you may need it
import requests


async def brew_tea():
    print("开始烧水")
    time.sleep(1)  # zh: TODO: 阻塞了事件循环 # en: TODO: blocks the event loop
    print("水开了")
    return "tea"


async def fetch_status(url):
    response = requests.get(url)  # zh: TODO: 阻塞了事件循环 # en: TODO: blocks the event loop
    return response.status_code


async def morning(urls):
    return await asyncio.gather(brew_tea(), *(fetch_status(url) for url in urls))


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    print(asyncio.run(morning(urls)))
