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
    # 先把所有查询都创建成任务（同时开始），再按 shops 的顺序逐个 await
    # create every query as a task first (they all start), then await them in the order of shops
    tasks = [asyncio.create_task(fetch_price(shop)) for shop in shops]
    prices = []
    for task in tasks:
        try:
            prices.append(await task)
        except ConnectionError:
            prices.append(None)
    return prices


if __name__ == "__main__":
    print(asyncio.run(compare(["jd", "taobao", "broken", "pdd"])))  # [5999, 5799, None, 5499]
