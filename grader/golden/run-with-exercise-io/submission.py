import asyncio

import aiofiles
import aiohttp


async def mirror(session, url, path):
    async with session.get(url) as response:
        body = await response.text()
    async with aiofiles.open(path, "w") as file:
        await file.write(body)
    return response.status


async def main():
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(
            mirror(session, "https://data.example.com/quick/a", "a.json"),
            mirror(session, "https://data.example.com/slow/b", "b.json"),
        )
    print(statuses)


asyncio.run(main())
