# shutdown(wait=True) with jobs still queued and running: it waits for them
# on the virtual clock (3 workers, 6 jobs of 2 s: done at 4 s).
import concurrent.futures
import time

start = time.monotonic()
pool = concurrent.futures.ThreadPoolExecutor(max_workers=3)
futures = [pool.submit(time.sleep, 2) for _ in range(6)]
pool.shutdown(wait=True)
print(f"all done: {all(future.done() for future in futures)} after {time.monotonic() - start:.1f} s")
