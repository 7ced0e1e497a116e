import asyncio
import concurrent.futures

import requests

# 一个线程池、一个 requests.Session，所有请求共用 / one thread pool and one requests.Session for every request
POOL = concurrent.futures.ThreadPoolExecutor(max_workers=8, thread_name_prefix="http")
SESSION = requests.Session()


async def brew_tea():
    print("开始烧水")
    await asyncio.sleep(1)
    print("水开了")
    return "tea"


async def fetch_status(url):
    loop = asyncio.get_running_loop()
    response = await loop.run_in_executor(POOL, SESSION.get, url)
    return response.status_code


async def morning(urls):
    return await asyncio.gather(brew_tea(), *(fetch_status(url) for url in urls))


if __name__ == "__main__":
    urls = [f"https://api.example.com/{i}" for i in range(3)]
    print(asyncio.run(morning(urls)))
