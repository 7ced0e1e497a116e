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
    # 加了 return_exceptions=True，却忘了把异常换成 None：列表里留着异常对象
    # return_exceptions=True, but the exceptions are never turned into None: the list keeps the exception objects
    return await asyncio.gather(*(fetch_price(shop) for shop in shops), return_exceptions=True)


if __name__ == "__main__":
    print(asyncio.run(compare(["jd", "taobao", "broken", "pdd"])))  # [5999, 5799, None, 5499]
