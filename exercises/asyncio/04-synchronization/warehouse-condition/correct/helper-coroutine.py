import asyncio


class Warehouse:
    def __init__(self, stock=0):
        self.stock = stock
        self._condition = asyncio.Condition()
        self.log = []

    async def _wait_until_enough(self, amount):
        """在持有锁时调用：等到库存够为止。 / Call with the lock held: wait until there is enough."""
        if self.stock < amount:
            self.log.append(f"waiting for {amount}")
        await self._condition.wait_for(lambda: self.stock >= amount)

    def _add(self, amount):
        self.stock += amount
        self.log.append(f"stock {self.stock}")
        self._condition.notify_all()  # 调用者持有锁 / the caller holds the lock

    async def restock(self, amount):
        async with self._condition:
            self._add(amount)

    async def take(self, amount):
        async with self._condition:
            await self._wait_until_enough(amount)
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
