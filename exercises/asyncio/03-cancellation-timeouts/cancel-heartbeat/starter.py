import asyncio


async def heartbeat(log):
    # zh: TODO: 每隔 1 秒向 log 追加 "beat"，永不停止；被取消时追加 "stopped"，并让取消继续传播
    # en: TODO: append "beat" to log every second, forever; when cancelled, append "stopped" and let the cancellation propagate
    ...


async def run_for(seconds):
    # zh: TODO: 在后台运行 heartbeat，seconds 秒后取消它，等它真正结束，然后返回 log
    # en: TODO: run heartbeat in the background, cancel it after `seconds`, wait until it has really ended, return the log
    ...


if __name__ == "__main__":
    print(asyncio.run(run_for(3.5)))  # ['beat', 'beat', 'beat', 'stopped']
