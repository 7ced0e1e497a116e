import threading
import time

lock = threading.Lock()
held = threading.Event()


def holder():
    with lock:
        held.set()
        time.sleep(2)


thread = threading.Thread(target=holder)
thread.start()
held.wait()
start = time.monotonic()
acquired = lock.acquire(timeout=0.5)
print(f"acquired={acquired} after {time.monotonic() - start:.2f} s, locked={lock.locked()}")
print(f"non-blocking: {lock.acquire(blocking=False)}")
thread.join()
print(f"after join: {lock.acquire(blocking=False)} at {time.monotonic():.2f} s")
lock.release()

rlock = threading.RLock()
with rlock:
    with rlock:
        print("re-entered the RLock")
try:
    rlock.release()
except RuntimeError as error:
    print(f"RuntimeError: {error}")
