import asyncio

async def wrong_demo():
   print("开始")
   asyncio.sleep(2)  # 忘记加await
   print("结束")  # 会直接打印，不会等2秒

asyncio.run(wrong_demo())
