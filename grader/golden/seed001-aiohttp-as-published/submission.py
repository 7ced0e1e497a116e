import aiohttp
import asyncio
import time

async def fetch_api_async(url, session):
   """异步调用API"""
   print(f"开始请求：{url}")
   async with session.get(url) as response:
       status = response.status
       print(f"完成请求：{url}，状态码：{status}")
       return status

async def main_async():
   urls = [
       "https://httpbin.org/get?name=1",
       "https://httpbin.org/get?name=2",
       "https://httpbin.org/get?name=3"
   ]
   async with aiohttp.ClientSession() as session:
       tasks = [asyncio.create_task(fetch_api_async(url, session)) for url in urls]
       results = await asyncio.gather(*tasks)  # *tasks是解包列表
       print(f"所有请求结果：{results}")

   start_time = time.time()
   await main_async()
   end_time = time.time()
   print(f"异步总耗时：{end_time - start_time:.2f}秒")

asyncio.run(main_async())
