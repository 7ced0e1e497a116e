import asyncio

def bad_func():
    await asyncio.sleep(1)  # SyntaxError
