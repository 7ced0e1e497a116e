import asyncio

async def stuck_task():
   try:
       print("任务开始，要跑10秒...")
       await asyncio.sleep(10)
       print("任务正常完成")
   except asyncio.CancelledError:
       print("任务被取消了，做下清理")
       raise

async def main():
   task = asyncio.create_task(stuck_task())
   await asyncio.sleep(3)
   print("准备取消任务")
   task.cancel()
   try:
       await task
   except asyncio.CancelledError:
       print("外层捕获到任务被取消")

asyncio.run(main())
