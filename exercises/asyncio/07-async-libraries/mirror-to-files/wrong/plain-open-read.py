import asyncio
import os

import aiofiles
import aiohttp


async def save_one(session, url, path):
    async with session.get(url) as response:
        text = await response.text()
    async with aiofiles.open(path, "w") as file:
        await file.write(text)
    return path


async def mirror(urls, folder):
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(
            *(save_one(session, url, os.path.join(folder, f"{index}.json")) for index, url in enumerate(urls))
        )


async def read_back(paths):
    async def read_one(path):
        with open(path) as file:  # 普通 open：阻塞事件循环 / plain open: blocks the loop
            return file.read()

    return await asyncio.gather(*(read_one(path) for path in paths))


if __name__ == "__main__":
    import tempfile

    async def main():
        folder = tempfile.mkdtemp()
        paths = await mirror([f"https://data.example.com/{i}" for i in range(4)], folder)
        print(paths)
        print(await read_back(paths))

    asyncio.run(main())
