import asyncio

def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"
