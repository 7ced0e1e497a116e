import asyncio

async def say_after(delay, text):
    await asyncio.sleep(delay)
    print(text)

async def main():
    await say_after(1, 'Hello')
    await say_after(2, 'World')

asyncio.run(main())  # 输出：先 Hello，1秒后 World（串行）
