import asyncio
import threading

async def my_coro():
   await asyncio.sleep(1)
   print("my_coro 完成")

def thread_func():
   asyncio.run(my_coro())

thread = threading.Thread(target=thread_func)
thread.start()
