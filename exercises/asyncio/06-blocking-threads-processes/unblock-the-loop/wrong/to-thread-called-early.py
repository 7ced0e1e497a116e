import asyncio

import requests


async def brew_tea():
    print("开始烧水")
    await asyncio.sleep(1)  # 让出事件循环 / yields to the event loop
    print("水开了")
    return "tea"


async def fetch_status(url):
    response = await asyncio.to_thread(requests.get(url))  # requests.get 先在循环上运行了 / requests.get runs on the loop first
    return response.status_code


async def morning(urls):
    return await asyncio.gather(brew_tea(), *(fetch_status(url) for url in urls))


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    print(asyncio.run(morning(urls)))
