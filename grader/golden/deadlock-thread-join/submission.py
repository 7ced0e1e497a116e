import threading

never = threading.Event()
worker = threading.Thread(target=never.wait)
worker.start()
worker.join()
