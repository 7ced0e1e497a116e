import asyncio

async def my_task():
   await asyncio.sleep(2)
   return "最终结果"

async def main():
   task = asyncio.create_task(my_task())
   print("任务是否完成？", task.done())  # False
   await task
   print("任务是否完成？", task.done())  # True
   print("任务结果：", task.result())  # 最终结果

asyncio.run(main())
