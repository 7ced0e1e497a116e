import asyncio


class Warehouse:
    def __init__(self, stock=0):
        self.stock = stock
        self.restocked = asyncio.Condition()

    async def restock(self, amount):
        async with self.restocked:
            self.stock += amount
            self.restocked.notify_all()

    async def take(self, amount):
        async with self.restocked:
            # 手写的 while 循环：每次醒来都重新检查 / a hand-written while loop: re-check after every wake-up
            while self.stock < amount:
                await self.restocked.wait()
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
