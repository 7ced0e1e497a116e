import asyncio

async def fetch_api(url):
   await asyncio.sleep(3)
   return f"{url} 响应成功"

async def main():
   url = "https://api.example.com"
   try:
       result = await asyncio.wait_for(fetch_api(url), timeout=2)
       print(result)
   except asyncio.TimeoutError:
       print(f"请求{url}超时了！")

asyncio.run(main())
