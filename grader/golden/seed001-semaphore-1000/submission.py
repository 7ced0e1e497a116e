import aiohttp
import asyncio
import time

async def fetch_api(url, semaphore):
   async with semaphore:
       print(f"请求中：{url}")
       await asyncio.sleep(1)  # 模拟API耗时1秒
       print(f"完成：{url}")
       return url

async def main():
   semaphore = asyncio.Semaphore(10)
   urls = [f"https://api.example.com/{i}" for i in range(1000)]
   tasks = [
       asyncio.create_task(fetch_api(url, semaphore))
       for url in urls
   ]
   start_time = time.time()
   results = await asyncio.gather(*tasks)
   end_time = time.time()
   print(f"n1000个任务全部完成！")
   print(f"总耗时：{end_time - start_time:.2f}秒")
   print(f"前10个任务结果：{results[:10]}")

asyncio.run(main())
