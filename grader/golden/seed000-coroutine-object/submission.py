async def fetch_data():
    return "done"

coro = fetch_data()  # 这行不运行函数体,只生成协程对象
print(type(coro).__name__)
