import asyncio
import os  # noqa: F401

import aiofiles  # noqa: F401
import aiohttp  # noqa: F401


async def mirror(urls, folder):
    # zh: TODO: 一个 ClientSession；并发下载每个 URL 的文本，用 aiofiles 写进 folder/<下标>.json；按顺序返回路径
    # en: TODO: one ClientSession; download every URL's text concurrently, write it with aiofiles to
    # en:       folder/<index>.json; return the paths in order
    ...


async def read_back(paths):
    # zh: TODO: 用 aiofiles 并发读回每个文件的内容，按顺序返回
    # en: TODO: read every file back with aiofiles, concurrently, contents in order
    ...


if __name__ == "__main__":
    import tempfile

    async def main():
        folder = tempfile.mkdtemp()
        paths = await mirror([f"https://data.example.com/{i}" for i in range(4)], folder)
        print(paths)
        print(await read_back(paths))

    asyncio.run(main())
