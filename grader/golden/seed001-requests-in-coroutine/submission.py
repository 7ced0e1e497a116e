import requests
import asyncio

async def fetch_wrong(url):
   response = requests.get(url)  # 同步请求，阻塞事件循环
   return response.status_code

async def main():
   urls = ["https://httpbin.org/get"]*3
   await asyncio.gather(*[fetch_wrong(url) for url in urls])  # 实际是同步执行

asyncio.run(main())
