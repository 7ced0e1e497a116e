import asyncio
import os

import aiofiles
from aiohttp import ClientSession


async def download(session, url):
    async with session.get(url) as response:
        return await response.text()


async def save(path, text):
    async with aiofiles.open(path, "w") as file:
        await file.write(text)


async def mirror_one(session, url, path):
    await save(path, await download(session, url))
    return path


async def mirror(urls, folder):
    paths = [os.path.join(folder, f"{index}.json") for index in range(len(urls))]
    async with ClientSession() as session:
        async with asyncio.TaskGroup() as group:
            for url, path in zip(urls, paths):
                group.create_task(mirror_one(session, url, path))
    return paths


async def read_back(paths):
    async def read_one(path):
        async with aiofiles.open(path, "r") as file:
            return await file.read()

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(read_one(path)) for path in paths]
    return [task.result() for task in tasks]


if __name__ == "__main__":
    import tempfile

    async def main():
        folder = tempfile.mkdtemp()
        paths = await mirror([f"https://data.example.com/{i}" for i in range(4)], folder)
        print(paths)
        print(await read_back(paths))

    asyncio.run(main())
