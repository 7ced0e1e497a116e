import asyncio

# zh: 每家店的响应时间（秒）和价格
# en: each shop's response time (s) and price
DELAYS = {"jd": 1.5, "taobao": 0.5, "pdd": 1.0, "broken": 0.8}
PRICES = {"jd": 5999, "taobao": 5799, "pdd": 5499}


async def fetch_price(shop):
    # zh: 模拟一次查价请求；"broken" 这家店会失败。
    # en: A simulated price request; the shop "broken" fails.
    await asyncio.sleep(DELAYS.get(shop, 1.0))
    if shop not in PRICES:
        raise ConnectionError(f"{shop} is down")
    return PRICES[shop]


async def compare(shops):
    # zh: TODO: 并发查询所有店铺，按 shops 的顺序返回价格列表；失败的店铺对应位置为 None
    # en: TODO: query every shop concurrently; return the prices in the order of `shops`, None for a shop that failed
    ...


if __name__ == "__main__":
    print(asyncio.run(compare(["jd", "taobao", "broken", "pdd"])))  # [5999, 5799, None, 5499]
