import asyncio
import os

import aiofiles
import aiohttp as http


async def fetch_and_store(session, index, url, folder):
    path = os.path.join(folder, f"{index}.json")
    response = await session.get(url)
    body = await response.text()
    async with aiofiles.open(path, mode="w", encoding="utf-8") as out:
        await out.write(body)
    print(f"saved {url} -> {path}")
    return index, path


async def mirror(urls, folder):
    paths = [None] * len(urls)
    async with http.ClientSession() as session:
        jobs = [fetch_and_store(session, index, url, folder) for index, url in enumerate(urls)]
        for finished in asyncio.as_completed(jobs):
            index, path = await finished
            paths[index] = path  # 按下标放回原位 / back at its index
    return paths


async def read_back(paths):
    tasks = [asyncio.create_task(read_file(path)) for path in paths]
    return [await task for task in tasks]


async def read_file(path):
    async with aiofiles.open(path) as handle:
        return await handle.read()


if __name__ == "__main__":
    import tempfile

    async def main():
        folder = tempfile.mkdtemp()
        paths = await mirror([f"https://data.example.com/{i}" for i in range(4)], folder)
        print(paths)
        print(await read_back(paths))

    asyncio.run(main())
