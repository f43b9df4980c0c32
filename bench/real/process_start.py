"""Python's reference for start + join of a child that exits at once:
multiprocessing.Process with the fork start method. Prints ms per child.
Usage: process_start.py COUNT"""
import multiprocessing
import sys
import time


def nothing():
    pass


if __name__ == "__main__":
    context = multiprocessing.get_context("fork")
    count = int(sys.argv[1])
    start = time.perf_counter()
    for _ in range(count):
        p = context.Process(target=nothing)
        p.start()
        p.join()
    print("%.4f" % ((time.perf_counter() - start) * 1000 / count))
