import asyncio

import aiohttp
import requests


async def fetch_with_retry(session, url, backoff=0.5):
    attempts = 0
    while True:
        attempts += 1
        async with session.get(url) as response:
            if response.status == 503:
                await asyncio.sleep(backoff)
                continue
            return await response.json(), attempts


async def main():
    async with aiohttp.ClientSession() as session:
        body, attempts = await fetch_with_retry(session, "https://api.example.com/flaky")
    print("attempts:", attempts)
    first = requests.get("https://api.example.com/once-down")
    print(first.status_code, first.text)
    second = requests.get("https://api.example.com/once-down")
    return {"flaky": body, "attempts": attempts, "once-down": second.json()}


if __name__ == "__main__":
    print(asyncio.run(main()))
