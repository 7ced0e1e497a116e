import asyncio

async def download_file():
    print("开始下载...")
    await asyncio.sleep(5)  # 模拟下载，不会卡住
    print("下载完成！")

async def print_numbers():
    for i in range(1, 6):
        print(i)
        await asyncio.sleep(1)  # 模拟耗时操作

async def main():
    await asyncio.gather(
        download_file(),
        print_numbers()
    )

asyncio.run(main())
