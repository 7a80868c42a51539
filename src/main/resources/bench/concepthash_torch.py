"""PyTorch eager peer for `concepthash bench encode` and `bench train` (run by the Java benchmark).

The ConceptHash network (method-spec section 2; org.concepthash.model) written with torch.nn.functional over
a dict of tensors that carry the Java network's tensor names, loaded from the Java side's export:

  tensors.json  {"data": path, "tensors": [{"name", "shape", "offset" (floats), "trainable"}]}
  data          raw little-endian float32 values, one tensor after another

argv[1]: a JSON spec
  {"mode": "encode" | "train" | "gemm", "threads": int, "config": <ConceptHashConfig as JSON>,
   "tensors": path, "images": path, "count": int (images in the file), ...}
mode "encode": {"parity": int (images to return codes for), "cases": [{"case", "batch", "repeats"}]}
  eval-mode forward as the exported ONNX graph computes it (fused q/k/v, scale folded into q, constant
  concept tokens, last layer only for the concept tokens); prints {"case": "parity", "code": [...],
  "attention": [...]} and per case {"case", "ms" (median per batch), "best_ms", "cpu_ms" (mean process
  CPU time per batch, all threads)}.
mode "train": {"labels": path (int32 per image), "classes": int, "loss": {clf, quan, cd, csd, temperature,
  margin}, "optimizer": {lr, momentum, weightDecay, clipNorm}, "batch", "case"}
  prints {"case": "ready"}, then for every line "step" on stdin runs one training step = forward (training
  mode) + all loss terms + backward + SGD (momentum, weight decay, PyTorch semantics, global gradient norm
  as the Java optimizer computes it) on the next batch and prints {"case": "step", "step", "ms", "cpu_ms",
  "values": {"total", "clf", ..., "norm"}} (losses before the update); stops at "end" or end of input.
mode "gemm": {"n": int, "repeats": int}: torch.mm of two random n x n matrices; prints {"case": "gemm",
  "gflops" (best), "median_gflops", "cpu_gflops" (best per CPU-second), "blas" (the BLAS library loaded), "torch" (version)}.
Progress goes to stderr.
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def log(message):
    print(message, file=sys.stderr, flush=True)


def load_tensors(path, grad):
    index = json.load(open(path))
    raw = np.fromfile(index["data"], dtype="<f4")
    tensors, trainable = {}, []
    for t in index["tensors"]:
        n = int(np.prod(t["shape"])) if t["shape"] else 1
        value = torch.from_numpy(raw[t["offset"]:t["offset"] + n].copy()).reshape(t["shape"])
        if grad and t["trainable"]:
            value.requires_grad_(True)
            trainable.append(value)
        tensors[t["name"]] = value
    return tensors, trainable


def linear(p, name, x):
    return F.linear(x, p[name + ".weight"], p.get(name + ".bias"))


def layer_norm(p, name, x):
    return F.layer_norm(x, (x.shape[-1],), p[name + ".weight"], p[name + ".bias"], 1e-5)


def quick_gelu(x):
    return x * torch.sigmoid(1.702 * x)


def attention(p, name, x, heads, dropout, training):
    """Multi-head self-attention with separate q/k/v (as MultiHeadAttention.java); (out, probabilities)."""
    b, t, d = x.shape
    hd = d // heads

    def split(y):
        return y.reshape(b, t, heads, hd).transpose(1, 2)

    q = split(linear(p, name + ".q_proj", x) * (1.0 / hd ** 0.5))
    k = split(linear(p, name + ".k_proj", x))
    v = split(linear(p, name + ".v_proj", x))
    probabilities = torch.softmax(q @ k.transpose(-1, -2), -1)
    attended = F.dropout(probabilities, dropout, True) if training and dropout > 0 else probabilities
    merged = (attended @ v).transpose(1, 2).reshape(b, t, d)
    return linear(p, name + ".out_proj", merged), probabilities


def adapter(p, name, x):
    return linear(p, name + ".up", F.gelu(linear(p, name + ".down", layer_norm(p, name + ".ln", x)))) \
        * p[name + ".scale"]


def concept_tokens(p, cfg, training):
    """(M, D), as GeneratedConceptTokens.java / DirectConceptTokens.java."""
    m = cfg["concepts"]
    if cfg["conceptTokens"] == "DIRECT":
        return p["concepts.tokens"]
    dropout = cfg["generatorDropout"]
    q = p["concepts.queries"].unsqueeze(0)
    a, _ = attention(p, "concepts.attn", q, cfg["generatorHeads"], dropout, training)
    x1 = layer_norm(p, "concepts.ln1", q) + a
    hidden = F.relu(linear(p, "concepts.ffn.fc1", x1))
    if training and dropout > 0:
        hidden = F.dropout(hidden, dropout, True)
    x2 = layer_norm(p, "concepts.ln2", x1) + linear(p, "concepts.ffn.fc2", hidden)
    return linear(p, "concepts.proj", x2).reshape(m, -1)


def embed(p, g, images, tokens, cls_and_positions=None):
    b = images.shape[0]
    d = g["width"]
    prefix = "vision.embeddings."
    patches = F.conv2d(images, p[prefix + "patch_embedding.weight"], stride=g["patchSize"])
    patches = patches.flatten(2).transpose(1, 2)  # (B, P, D)
    cls = p[prefix + "class_embedding"].reshape(1, 1, d).expand(b, 1, d)
    x = torch.cat([cls, patches], 1) + p[prefix + "position_embedding.weight"]
    return torch.cat([x, tokens.unsqueeze(0).expand(b, -1, -1)], 1)


def hash_head(p, z, bits, training):
    b = z.shape[0]
    per_concept = F.linear(z + p["hash.specificity"], p["hash.proj.weight"])  # (B, M, K/M)
    return F.batch_norm(per_concept.reshape(b, bits), p["hash.bn.running_mean"], p["hash.bn.running_var"],
                        p["hash.bn.weight"], p["hash.bn.bias"], training, 0.1, 1e-5)


def forward_train(p, cfg, images):
    """Training-mode forward as ConceptHashNet.java: (code, concept features z, attention (B, M, P))."""
    g = cfg["geometry"]
    m = cfg["concepts"]
    c0 = 1 + (g["imageSize"] // g["patchSize"]) ** 2
    h = layer_norm(p, "vision.ln_pre", embed(p, g, images, concept_tokens(p, cfg, True)))
    probabilities = None
    for i in range(g["layers"]):
        prefix = "vision.layers.%d" % i
        a, probabilities = attention(p, prefix + ".self_attn", layer_norm(p, prefix + ".layer_norm1", h),
                                     g["heads"], 0.0, True)
        after = h + a + adapter(p, prefix + ".adapter_attn", a)
        mlp = linear(p, prefix + ".mlp.fc2", quick_gelu(linear(p, prefix + ".mlp.fc1",
                                                                layer_norm(p, prefix + ".layer_norm2", after))))
        h = after + mlp + adapter(p, prefix + ".adapter_mlp", mlp)
    z = h[:, c0:c0 + m]
    maps = probabilities[:, :, c0:c0 + m, 1:c0].mean(1)
    return hash_head(p, z, cfg["bits"], True), z, maps


class EvalEncoder:
    """The eval-mode forward as the exported graph (ConceptHashGraph.java) computes it."""

    def __init__(self, p, cfg):
        self.p, self.cfg, self.g = p, cfg, cfg["geometry"]
        g = self.g
        d, heads = g["width"], g["heads"]
        self.c0 = 1 + (g["imageSize"] // g["patchSize"]) ** 2
        scale = 1.0 / (d // heads) ** 0.5
        with torch.no_grad():
            self.tokens = concept_tokens(p, cfg, False).detach()
            self.qkv = []
            for i in range(g["layers"]):
                a = "vision.layers.%d.self_attn." % i
                w = torch.cat([p[a + "q_proj.weight"] * scale, p[a + "k_proj.weight"], p[a + "v_proj.weight"]])
                bias = torch.cat([p[a + "q_proj.bias"] * scale, p[a + "k_proj.bias"], p[a + "v_proj.bias"]])
                self.qkv.append((w.contiguous(), bias.contiguous()))

    def __call__(self, images):
        p, g = self.p, self.g
        b, d, heads, m = images.shape[0], g["width"], g["heads"], self.cfg["concepts"]
        hd = d // heads
        c0 = self.c0
        h = layer_norm(p, "vision.ln_pre", embed(p, g, images, self.tokens))
        for i in range(g["layers"]):
            prefix = "vision.layers.%d" % i
            x = layer_norm(p, prefix + ".layer_norm1", h)
            w, bias = self.qkv[i]
            t = x.shape[1]
            if i == g["layers"] - 1:  # only the concept tokens' rows are needed after the last layer
                q = F.linear(x[:, c0:], w[:d], bias[:d]).reshape(b, m, heads, hd).transpose(1, 2)
                kv = F.linear(x, w[d:], bias[d:]).reshape(b, t, 2 * heads, hd).transpose(1, 2)
                k, v = kv[:, :heads], kv[:, heads:]
                h = h[:, c0:]
            else:
                qkv = F.linear(x, w, bias).reshape(b, t, 3 * heads, hd).transpose(1, 2)
                q, k, v = qkv[:, :heads], qkv[:, heads:2 * heads], qkv[:, 2 * heads:]
            probabilities = torch.softmax(q @ k.transpose(-1, -2), -1)
            merged = (probabilities @ v).transpose(1, 2).reshape(b, -1, d)
            a = linear(p, prefix + ".self_attn.out_proj", merged)
            after = h + a + adapter(p, prefix + ".adapter_attn", a)
            mlp = linear(p, prefix + ".mlp.fc2", quick_gelu(linear(p, prefix + ".mlp.fc1",
                                                                    layer_norm(p, prefix + ".layer_norm2", after))))
            h = after + mlp + adapter(p, prefix + ".adapter_mlp", mlp)
        maps = probabilities[:, :, :, 1:c0].mean(1)
        return hash_head(p, h, self.cfg["bits"], False), maps


def cosine_margin_ce(features, weights, one_hot, temperature, margin):
    cosine = F.normalize(features, dim=1, eps=1e-12) @ F.normalize(weights, dim=1, eps=1e-12).t()
    logits = (cosine - one_hot * margin) / temperature
    return -(F.log_softmax(logits, 1) * one_hot).sum(1).mean()


def centres(p):
    if "centres.embeddings" in p:  # language centres: t(e) = fc2(ReLU(fc1(e)))
        return linear(p, "centres.proj.fc2", F.relu(linear(p, "centres.proj.fc1", p["centres.embeddings"])))
    return p["centres.weight"]


def losses(p, cfg, spec, code, z, maps, one_hot):
    """The loss terms with positive weight, as CompositeLoss.java: {name: value}."""
    w = spec["loss"]
    tau, margin = w["temperature"], w["margin"]
    o = centres(p)
    terms = {}
    if w["clf"] > 0:
        terms["clf"] = cosine_margin_ce(code, o, one_hot, tau, margin)
    if w["quan"] > 0:
        terms["quan"] = cosine_margin_ce(code, torch.sign(o.detach()), one_hot, tau, margin)
    if w["cd"] > 0:
        b, m, _ = z.shape
        features = (z + p["cd.positions"]).reshape(b * m, -1)
        targets = one_hot.unsqueeze(1).expand(b, m, -1).reshape(b * m, -1)
        terms["cd"] = cosine_margin_ce(features, p["cd.weight"], targets, tau, margin)
    if w["csd"] > 0:
        m = maps.shape[1]
        rows = F.normalize(maps, dim=2, eps=1e-12)
        similarity = (rows @ rows.transpose(1, 2)).mean(0)
        if m < 2:
            terms["csd"] = similarity.sum() * 0
        else:
            terms["csd"] = (torch.triu(similarity, 1) * (2.0 / (m * (m - 1)))).sum()
    return terms


def read_images(spec):
    s = spec["config"]["geometry"]["imageSize"]
    return torch.from_numpy(np.fromfile(spec["images"], dtype="<f4").reshape(-1, 3, s, s).copy())


def run_encode(spec):
    p, _ = load_tensors(spec["tensors"], False)
    images = read_images(spec)
    with torch.inference_mode():
        encoder = EvalEncoder(p, spec["config"])
        n = spec["parity"]
        code, maps = encoder(images[:n])
        print(json.dumps({"case": "parity", "code": code.flatten().tolist(),
                          "attention": maps.flatten().tolist()}), flush=True)
        for case in spec["cases"]:
            batch = images[:case["batch"]].contiguous()
            encoder(batch)  # warm-up
            encoder(batch)
            times = []
            c0 = time.process_time()
            for _ in range(case["repeats"]):
                t0 = time.perf_counter()
                encoder(batch)
                times.append((time.perf_counter() - t0) * 1e3)
            cpu = (time.process_time() - c0) * 1e3 / case["repeats"]
            times.sort()
            log("torch %s: %.2f ms per batch" % (case["case"], times[len(times) // 2]))
            print(json.dumps({"case": case["case"], "ms": times[len(times) // 2], "best_ms": times[0],
                              "cpu_ms": cpu}), flush=True)


def run_train(spec):
    """Loads everything, prints {"case": "ready"}, then runs one training step per "step" line on stdin
    (until "end" or end of input), so the Java side can alternate its steps with ours under the same load."""
    cfg = spec["config"]
    p, trainable = load_tensors(spec["tensors"], True)
    images = read_images(spec)
    labels = torch.from_numpy(np.fromfile(spec["labels"], dtype="<i4").astype(np.int64))
    o = spec["optimizer"]
    optimizer = torch.optim.SGD(trainable, lr=o["lr"], momentum=o["momentum"], weight_decay=o["weightDecay"])
    batch = spec["batch"]
    batches = images.shape[0] // batch
    print(json.dumps({"case": "ready"}), flush=True)
    step = 0
    for line in sys.stdin:
        if line.strip() != "step":
            break
        start = (step % batches) * batch
        x = images[start:start + batch]
        one_hot = F.one_hot(labels[start:start + batch], spec["classes"]).float()
        t0, c0 = time.perf_counter(), time.process_time()
        code, z, maps = forward_train(p, cfg, x)
        terms = losses(p, cfg, spec, code, z, maps, one_hot)
        weights = spec["loss"]
        total = sum(terms[k] * weights[k] for k in terms)
        optimizer.zero_grad(set_to_none=False)
        total.backward()
        values = {k: v.item() for k, v in terms.items()}
        values["total"] = total.item()
        grads = [t.grad for t in trainable if t.grad is not None]
        norm = torch.norm(torch.stack([g.norm() for g in grads])).item()
        if o["clipNorm"] > 0 and norm > o["clipNorm"]:
            for g in grads:
                g.mul_(o["clipNorm"] / (norm + 1e-6))
        optimizer.step()
        elapsed = (time.perf_counter() - t0) * 1e3
        values["norm"] = norm
        step += 1
        log("torch %s step %d: %.1f ms, loss %.4f" % (spec["case"], step, elapsed, values["total"]))
        print(json.dumps({"case": "step", "step": step, "ms": elapsed,
                          "cpu_ms": (time.process_time() - c0) * 1e3, "values": values}), flush=True)


def run_gemm(spec):
    n = spec["n"]
    a, b = torch.randn(n, n), torch.randn(n, n)
    out = torch.empty(n, n)
    torch.mm(a, b, out=out)
    rates, cpu_rates = [], []
    for _ in range(spec["repeats"]):
        t0, c0 = time.perf_counter(), time.process_time()
        torch.mm(a, b, out=out)
        rates.append(2.0 * n ** 3 / (time.perf_counter() - t0) / 1e9)
        cpu_rates.append(2.0 * n ** 3 / max(time.process_time() - c0, 1e-9) / 1e9)
    rates.sort()
    print(json.dumps({"case": "gemm", "gflops": rates[-1], "median_gflops": rates[len(rates) // 2],
                      "cpu_gflops": max(cpu_rates), "blas": blas_library(),
                      "torch": torch.__version__}), flush=True)


def blas_library():
    """The BLAS shared library this process loaded (Debian's torch uses whatever libblas.so.3 points to)."""
    try:
        with open("/proc/self/maps") as maps:
            libs = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
        return ", ".join(libs) if libs else "unknown"
    except OSError:
        return "unknown"


def main():
    spec = json.loads(sys.argv[1])
    torch.set_num_threads(spec["threads"])
    torch.set_num_interop_threads(1)
    torch.manual_seed(spec.get("seed", 0))
    {"encode": run_encode, "train": run_train, "gemm": run_gemm}[spec["mode"]](spec)


if __name__ == "__main__":
    main()
