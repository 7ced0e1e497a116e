import asyncio


async def brew_tea():
    print("开始烧水")
    await asyncio.sleep(1)  # 让出事件循环 / yields to the event loop
    print("水开了")
    return "tea"


async def fetch_status(url):
    await asyncio.sleep(2)  # 只是“等一个请求的时间” / only waits as long as a request would
    return 200


async def morning(urls):
    return await asyncio.gather(brew_tea(), *(fetch_status(url) for url in urls))


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    print(asyncio.run(morning(urls)))
