import asyncio
import threading
import time

async def my_coro():
   await asyncio.sleep(1)

def thread_func():
   loop = asyncio.new_event_loop()
   asyncio.set_event_loop(loop)
   loop.run_until_complete(my_coro())
   loop.close()

start = time.monotonic()
thread = threading.Thread(target=thread_func)
thread.start()
thread.join()
print(f"线程结束：{time.monotonic() - start:.2f}")
