import asyncio

import aiohttp


async def brew_tea():
    print("开始烧水")
    print("水开了")
    await asyncio.sleep(1)  # 让出事件循环 / yields to the event loop
    return "tea"


async def fetch_status(url):
    # 真实项目里应在多个请求间共享一个 session；这里为保持签名，每次新建一个。
    # In real code share one session between requests; here we keep the signature.
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return response.status


async def morning(urls):
    return await asyncio.gather(brew_tea(), *(fetch_status(url) for url in urls))


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    print(asyncio.run(morning(urls)))
