import asyncio

import requests


async def brew_tea():
    print("开始烧水")
    await asyncio.sleep(1)
    print("水开了")
    return "tea"


async def fetch_status(url):
    # 同步的 requests 放进线程里运行，事件循环照常转 / the synchronous requests runs in a thread; the loop keeps turning
    response = await asyncio.to_thread(requests.get, url, timeout=10)
    return response.status_code


async def morning(urls):
    return await asyncio.gather(brew_tea(), *(fetch_status(url) for url in urls))


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    print(asyncio.run(morning(urls)))
