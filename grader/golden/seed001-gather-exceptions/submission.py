import asyncio

async def task1():
   raise ValueError("任务1出错了")

async def task2():
   return "任务2成功"

async def main():
   results = await asyncio.gather(task1(), task2(), return_exceptions=True)
   print(results)  # [ValueError('任务1出错了'), '任务2成功']

asyncio.run(main())
