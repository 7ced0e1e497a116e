import threading
import time

first = threading.Lock()
second = threading.Lock()


def one():
    with first:
        time.sleep(0.1)
        with second:
            print("one never gets here")


def two():
    with second:
        time.sleep(0.1)
        with first:
            print("two never gets here")


threads = [threading.Thread(target=one), threading.Thread(target=two)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
