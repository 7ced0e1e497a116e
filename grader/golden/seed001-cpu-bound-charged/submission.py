import asyncio

async def calculate_pi():
   # 模拟CPU密集计算(没有await)
   result = 0
   for i in range(20 * 10**6):
       result += i
   return result

async def main():
   # 同时跑两个计算任务，但实际会排队执行，因为没有await
   print(await asyncio.gather(calculate_pi(), calculate_pi()))

asyncio.run(main())
