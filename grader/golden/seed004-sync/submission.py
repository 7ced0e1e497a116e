import time

def download_file():
    print("开始下载...")
    time.sleep(5)  # 模拟下载，卡住 5 秒
    print("下载完成！")

def print_numbers():
    for i in range(1, 6):
        print(i)
        time.sleep(1)

download_file()
print_numbers()
