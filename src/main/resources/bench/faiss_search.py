"""FAISS IndexBinaryFlat peer for `concepthash bench search` (run by the Java benchmark, not by hand).

argv[1]: a JSON spec
  {"database": path, "n": int, "bytes": int, "queries": path, "nq": int, "k": int,
   "subcode_bytes": int, "cases": [{"case": str, "threads": int, "batch": int, "subcode": bool, "repeats": int}]}
The files hold raw codes, `bytes` per code (the Java side's 64-bit words, little-endian), so bit j of a
code is bit j%8 of byte j//8 for both peers. A "subcode" case searches an index built from the first
`subcode_bytes` bytes of every code (concept 0 of the Java layout).
Prints one JSON object per case: {"case", "ms" (median per query), "distances" (per timed query, k ints)}.
"""
import json
import sys
import time

import faiss
import numpy as np


def main():
    spec = json.loads(sys.argv[1])
    n, nbytes, k = spec["n"], spec["bytes"], spec["k"]
    database = np.fromfile(spec["database"], dtype=np.uint8, count=n * nbytes).reshape(n, nbytes)
    queries = np.fromfile(spec["queries"], dtype=np.uint8).reshape(-1, nbytes)
    indexes = {}

    def index_for(subcode):
        if subcode not in indexes:
            width = spec["subcode_bytes"] if subcode else nbytes
            index = faiss.IndexBinaryFlat(width * 8)
            index.add(np.ascontiguousarray(database[:, :width]))
            indexes[subcode] = index
        return indexes[subcode], (spec["subcode_bytes"] if subcode else nbytes)

    for case in spec["cases"]:
        faiss.omp_set_num_threads(case["threads"])
        index, width = index_for(case["subcode"])
        q = np.ascontiguousarray(queries[:, :width])
        batch = case["batch"]
        index.search(q[:batch], k)  # warm-up
        times, distances = [], []
        for r in range(case["repeats"]):
            start = (r * batch) % len(q)
            chunk = q[start:start + batch]
            t0 = time.perf_counter()
            d, _ = index.search(chunk, k)
            times.append((time.perf_counter() - t0) * 1e3 / len(chunk))
            distances.extend(d.tolist())
        times.sort()
        print(json.dumps({"case": case["case"], "ms": times[len(times) // 2], "distances": distances}), flush=True)


if __name__ == "__main__":
    main()
