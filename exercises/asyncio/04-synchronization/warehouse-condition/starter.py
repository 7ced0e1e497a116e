import asyncio


class Warehouse:
    def __init__(self, stock=0):
        self.stock = stock
        # zh: TODO: 创建一个 asyncio.Condition
        # en: TODO: create an asyncio.Condition

    async def restock(self, amount):
        # zh: TODO: 增加库存，并通知等待的顾客
        # en: TODO: add to the stock and notify the waiting customers
        ...

    async def take(self, amount):
        # zh: TODO: 等到库存 >= amount，然后取走 amount 件并返回 amount
        # en: TODO: wait until stock >= amount, then take `amount` items and return amount
        ...


async def supplier(warehouse, deliveries):
    # zh: 每隔 delay 秒送来 amount 件货。不要修改。
    # en: Delivers `amount` items after each `delay`. Do not change it.
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
