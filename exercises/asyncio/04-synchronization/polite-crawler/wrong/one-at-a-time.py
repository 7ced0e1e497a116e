import aiohttp


async def fetch_all(urls):
    # Polite, but one request at a time: 100 s.
    statuses = []
    async with aiohttp.ClientSession() as session:
        for url in urls:
            async with session.get(url) as response:
                statuses.append(response.status)
    return statuses
