import asyncio


async def main():
    print("你好", end="")  )


asyncio.run(main())
