import asyncio


class Warehouse:
    def __init__(self, stock=0):
        self.stock = stock
        self.condition = asyncio.Condition()

    async def restock(self, amount):
        async with self.condition:
            self.stock += amount
            # 库存变了：唤醒所有等待者，让每个人重新检查自己的条件
            # the stock changed: wake every waiter so each one re-checks its own predicate
            self.condition.notify_all()

    async def take(self, amount):
        async with self.condition:
            # 只要有货就拿，不管够不够 / takes as soon as there is any stock, enough or not
            await self.condition.wait_for(lambda: self.stock > 0)
            self.stock -= amount
            return amount


async def supplier(warehouse, deliveries):
    """每隔 delay 秒送来 amount 件货。不要修改。 / Delivers `amount` items after each `delay`. Do not change it."""
    for delay, amount in deliveries:
        await asyncio.sleep(delay)
        print(f"restock +{amount}")
        await warehouse.restock(amount)


async def customer(warehouse, name, amount):
    await warehouse.take(amount)
    print(f"{name} got {amount}")


async def main():
    warehouse = Warehouse()
    await asyncio.gather(
        customer(warehouse, "A", 5),
        customer(warehouse, "B", 2),
        customer(warehouse, "C", 3),
        supplier(warehouse, [(1, 2), (1, 3), (1, 5)]),
    )


if __name__ == "__main__":
    asyncio.run(main())
