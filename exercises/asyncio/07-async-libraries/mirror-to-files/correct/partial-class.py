import asyncio
import functools
import os

import aiofiles
import aiohttp


class Mirror:
    """一个会话，供所有下载共用 / one session shared by every download."""

    def __init__(self, session, folder):
        self.session = session
        self.folder = folder

    async def save(self, index, url):
        async with self.session.get(url) as response:
            response.raise_for_status()
            text = await response.text()
        path = os.path.join(self.folder, f"{index}.json")
        async with aiofiles.open(path, "w") as file:
            await file.write(text)
        return path


async def mirror(urls, folder):
    async with aiohttp.ClientSession() as session:
        save = functools.partial(Mirror(session, folder).save)
        return list(await asyncio.gather(*map(save, range(len(urls)), urls)))


async def _read(path, mode="r"):
    async with aiofiles.open(path, mode) as file:
        return await file.read()


async def read_back(paths):
    return list(await asyncio.gather(*map(functools.partial(_read, mode="r"), paths)))


if __name__ == "__main__":
    import tempfile

    async def main():
        folder = tempfile.mkdtemp()
        paths = await mirror([f"https://data.example.com/{i}" for i in range(4)], folder)
        print(paths)
        print(await read_back(paths))

    asyncio.run(main())
