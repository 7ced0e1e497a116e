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


async def priced(index, shop):
    """(index, price), with None for a shop that fails. / (下标, 价格)，失败的店为 None"""
    try:
        return index, await fetch_price(shop)
    except ConnectionError:
        return index, None


async def compare(shops):
    # 按完成顺序取结果，但每个结果带着自己的下标，放回原来的位置
    # results come in the order of completion, each with its index, and go back to their own slot
    prices = [None] * len(shops)
    for next_done in asyncio.as_completed([priced(index, shop) for index, shop in enumerate(shops)]):
        index, price = await next_done
        prices[index] = price
    return prices


if __name__ == "__main__":
    print(asyncio.run(compare(["jd", "taobao", "broken", "pdd"])))  # [5999, 5799, None, 5499]
