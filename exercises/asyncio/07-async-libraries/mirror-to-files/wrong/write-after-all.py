import asyncio
import os

import aiofiles
import aiohttp


async def download(session, url):
    async with session.get(url) as response:
        return await response.text()


async def mirror(urls, folder):
    async with aiohttp.ClientSession() as session:
        texts = await asyncio.gather(*(download(session, url) for url in urls))
    paths = []
    for index, text in enumerate(texts):  # 下载完再一个个写 / writes one by one after the downloads
        path = os.path.join(folder, f"{index}.json")
        async with aiofiles.open(path, "w") as file:
            await file.write(text)
        paths.append(path)
    return paths


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
