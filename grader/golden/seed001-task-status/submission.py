import asyncio

async def my_task():
   await asyncio.sleep(2)
   return "任务完成!"

async def main():
   coro = my_task()
   print("协程对象类型:", type(coro))  # <class 'coroutine'>
   task = asyncio.create_task(coro)
   print("任务对象类型:", type(task))  # <class '_asyncio.Task'>
   print("任务是否完成?", task.done())  # False
   result = await task
   print("任务结果:", result)  # 任务完成!
   print("任务是否完成?", task.done())  # True

asyncio.run(main())
