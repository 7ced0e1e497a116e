import asyncio

import aiohttp


async def fetch(session, url):
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls):
    # All 100 requests at once: fast, but the server sees 100 connections.
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch(session, url) for url in urls))
