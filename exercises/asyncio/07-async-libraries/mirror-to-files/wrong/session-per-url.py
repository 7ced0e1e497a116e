import asyncio
import os

import aiofiles
import aiohttp


async def save_one(url, path):
    async with aiohttp.ClientSession() as session:  # 每个 URL 一个会话 / a session per URL
        async with session.get(url) as response:
            text = await response.text()
    async with aiofiles.open(path, "w") as file:
        await file.write(text)
    return path


async def mirror(urls, folder):
    return await asyncio.gather(
        *(save_one(url, os.path.join(folder, f"{index}.json")) for index, url in enumerate(urls))
    )


async def read_back(paths):
    async def read_one(path):
        async with aiofiles.open(path) as file:
            return await file.read()

    return await asyncio.gather(*(read_one(path) for path in paths))


if __name__ == "__main__":
    import tempfile

    async def main():
        folder = tempfile.mkdtemp()
        paths = await mirror([f"https://data.example.com/{i}" for i in range(4)], folder)
        print(paths)
        print(await read_back(paths))

    asyncio.run(main())
