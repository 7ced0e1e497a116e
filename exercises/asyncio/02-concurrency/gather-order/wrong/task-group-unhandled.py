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
    # 以为 TaskGroup 会像 return_exceptions=True 一样收集异常：一个任务失败，其余任务被取消，抛出 ExceptionGroup
    # believes a TaskGroup collects exceptions like return_exceptions=True: one failure cancels the rest and raises ExceptionGroup
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch_price(shop)) for shop in shops]
    return [task.result() for task in tasks]


if __name__ == "__main__":
    print(asyncio.run(compare(["jd", "taobao", "broken", "pdd"])))  # [5999, 5799, None, 5499]
