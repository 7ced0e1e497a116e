import asyncio

async def say_hello():
   print("Hello, 异步!")
   await asyncio.sleep(1)
   print("Hello, 又回来了!")

# 运行协程(asyncio.run会自动创建和管理事件循环)
asyncio.run(say_hello())
