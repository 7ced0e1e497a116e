import requests
import time

def fetch_api_sync(url):
   """同步调用API"""
   print(f"开始请求：{url}")
   response = requests.get(url)  # 同步等待，会阻塞
   print(f"完成请求：{url}，状态码：{response.status_code}")
   return response.status_code

def main_sync():
   urls = [
       "https://httpbin.org/get?name=1",
       "https://httpbin.org/get?name=2",
       "https://httpbin.org/get?name=3"
   ]
   start_time = time.time()
   for url in urls:
       fetch_api_sync(url)
   end_time = time.time()
   print(f"同步总耗时：{end_time - start_time:.2f}秒")

main_sync()
