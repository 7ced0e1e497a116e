import asyncio

async def wash_dishes():
   print("开始洗碗，要2秒")
   await asyncio.sleep(2)  # 洗碗时暂停，去干别的
   print("碗洗完了")

async def cook_rice():
   print("开始煮饭，要3秒")
   await asyncio.sleep(3)  # 煮饭时暂停，去干别的
   print("饭煮好了")

async def main():
   # 同时执行两个协程(不是排队等)
   await asyncio.gather(wash_dishes(), cook_rice())  # gather是“收集”多个协程

asyncio.run(main())
