import asyncio


class Warehouse:
    def __init__(self, stock=0):
        self.stock = stock
        self.condition = asyncio.Condition()

    async def restock(self, amount):
        # 只加了库存，没有通知等待的顾客 / adds to the stock but never notifies the waiting customers
        self.stock += amount

    async def take(self, amount):
        async with self.condition:
            # wait_for 在条件为假时等待，每次被唤醒后重新检查（相当于 while 循环）
            # wait_for waits while the predicate is false and re-checks it after every wake-up (a while loop)
            await self.condition.wait_for(lambda: self.stock >= amount)
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
