"""Research prototype for issue 14: which ConceptHash variant makes its concepts find parts.

A compact PyTorch re-implementation of the tiny ConceptHash network (64 px, patch 8, width 128, 4 layers,
M = 4, K = 32, SGD lr 0.05 with 5 warm-up epochs and cosine decay, flip augmentation, L_clf + L_cd + L_csd
against fixed random +-1 class centres) trained on a parts world written by `concepthash synth --size 128`,
and the concept-part purity of the Java metric (attention peak -> nearest part keypoint; dominant part's
share over the test images; chance = one random point in the bird's box per image). It is for trying
variants quickly, not for results: the numbers in docs/interpretability.md that decide anything come
from the Java trainer and `concepthash eval`.

Variants (flags): --readout shallow:L --rq tok|param --rk L --gray: concept readout by cross-attention
with values from layer L (and keys from layer rk) of the ViT; --cnn: keys and values from a local
convolutional stem instead (what became `model.conceptAttention: local`); --nobn, --extra N: stem
without batch norm / with N more stride-1 layers; --compete: attention normalised across concepts per
patch; --conc W: concentration (spatial variance) loss; --equiv W: flip equivariance loss.
Run with Debian's python3-torch, e.g.
  /usr/bin/python3 training/research/concept_parts.py --data /tmp/pw --readout shallow:0 --cnn --threads 1
Each run appends one JSON line to --results.
"""
import argparse, csv, json, math, time, os, sys
import numpy as np
import torch, torch.nn as nn, torch.nn.functional as F
from PIL import Image

p = argparse.ArgumentParser()
p.add_argument('--data', required=True, help='a parts world written by concepthash synth')
p.add_argument('--size', type=int, default=64)
p.add_argument('--patch', type=int, default=8)
p.add_argument('--width', type=int, default=128)
p.add_argument('--layers', type=int, default=4)
p.add_argument('--heads', type=int, default=4)
p.add_argument('--concepts', type=int, default=4)
p.add_argument('--bits', type=int, default=32)
p.add_argument('--epochs', type=int, default=60)
p.add_argument('--lr', type=float, default=0.05)
p.add_argument('--batch', type=int, default=16)
p.add_argument('--csd', type=float, default=1.0)
p.add_argument('--cd', type=float, default=1.0)
p.add_argument('--readout', default='none', help='none | shallow:L (values from layer L output, keys from last)')
p.add_argument('--rq', default='tok')
p.add_argument('--rk', type=int, default=-1)
p.add_argument('--gray', action='store_true')
p.add_argument('--cnn', action='store_true', help='keys and values from a local conv stack, fixed queries')
p.add_argument('--nobn', action='store_true')
p.add_argument('--extra', type=int, default=0)
p.add_argument('--compete', action='store_true', help='readout attention normalised across concepts per patch')
p.add_argument('--conc', type=float, default=0.0, help='concentration (spatial variance) loss weight')
p.add_argument('--equiv', type=float, default=0.0, help='flip equivariance loss weight')
p.add_argument('--seed', type=int, default=0)
p.add_argument('--threads', type=int, default=2)
p.add_argument('--tag', default='')
p.add_argument('--results', default='concept-parts-results.jsonl')
a = p.parse_args()
torch.manual_seed(a.seed); np.random.seed(a.seed)
torch.set_num_threads(a.threads)

MEAN = torch.tensor([0.48145466, 0.4578275, 0.40821073]).view(3, 1, 1)
STD = torch.tensor([0.26862954, 0.26130258, 0.27577711]).view(3, 1, 1)
PARTS = ['tail', 'body', 'wing', 'head', 'beak']

def load(data, size):
    resize = round(size * 256 / 224)
    rows = list(csv.DictReader(open(os.path.join(data, 'annotations.csv'))))
    xs, ys, splits, kps, boxes = [], [], [], [], []
    for r in rows:
        im = Image.open(os.path.join(data, r['path'])).convert('RGB')
        w, h = im.size
        im = im.resize((resize, resize), Image.BICUBIC)
        off = (resize - size) // 2
        im = im.crop((off, off, off + size, off + size))
        x = torch.from_numpy(np.asarray(im, dtype=np.float32) / 255).permute(2, 0, 1)
        xs.append((x - MEAN) / STD)
        ys.append(int(r['class_index']))
        splits.append(r['split'])
        s = resize / w
        kps.append([(float(r[k + '_x']) * s - off, float(r[k + '_y']) * s - off) for k in PARTS])
        bx, by, bw, bh = (float(r['box_' + c]) for c in 'xywh')
        boxes.append((bx * s - off, by * s - off, bw * s, bh * s))
    return torch.stack(xs), torch.tensor(ys), np.array(splits), np.array(kps), np.array(boxes)

X, Y, S, KP, BOX = load(a.data, a.size)
C = int(Y.max()) + 1
tr = np.where(S == 'train')[0]; te = np.where(S == 'test')[0]
G = a.size // a.patch; P = G * G

class Block(nn.Module):
    def __init__(s, d, h):
        super().__init__(); s.h = h
        s.n1 = nn.LayerNorm(d); s.qkv = nn.Linear(d, 3 * d); s.o = nn.Linear(d, d)
        s.n2 = nn.LayerNorm(d); s.f1 = nn.Linear(d, 4 * d); s.f2 = nn.Linear(4 * d, d)
    def forward(s, x):
        b, t, d = x.shape; hd = d // s.h
        q, k, v = s.qkv(s.n1(x)).reshape(b, t, 3, s.h, hd).permute(2, 0, 3, 1, 4)
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hd), -1)
        x = x + s.o((att @ v).transpose(1, 2).reshape(b, t, d))
        m = s.f1(s.n2(x)); m = m * torch.sigmoid(1.702 * m)
        return x + s.f2(m), att

class Net(nn.Module):
    def __init__(s):
        super().__init__()
        d, M = a.width, a.concepts
        s.patch = nn.Conv2d(3, d, a.patch, a.patch, bias=False)
        s.cls = nn.Parameter(torch.randn(d) * d ** -0.5)
        s.pos = nn.Parameter(torch.randn(1 + P, d) * d ** -0.5)
        s.tok = nn.Parameter(torch.randn(M, d) * 0.02)
        s.pre = nn.LayerNorm(d)
        s.blocks = nn.ModuleList([Block(d, a.heads) for _ in range(a.layers)])
        s.spec = nn.Parameter(torch.randn(M, d))
        s.hproj = nn.Linear(d, a.bits // M, bias=False)
        s.bn = nn.BatchNorm1d(a.bits)
        if a.readout != 'none':
            s.rl = int(a.readout.split(':')[1])
            s.rq = nn.Linear(d, d); s.rk = nn.Linear(d, d); s.rv = nn.Linear(d, d)
            s.rnk = nn.LayerNorm(d); s.rnv = nn.LayerNorm(d); s.rnq = nn.LayerNorm(d)
            s.rparam = nn.Parameter(torch.randn(M, d))
            if a.cnn:
                N = (lambda c: nn.Identity()) if a.nobn else nn.BatchNorm2d
                layers, c = [nn.Conv2d(3, 32, 3, 1, 1), N(32), nn.ReLU()], 32
                n2 = int(math.log2(a.patch))
                for t in range(n2):
                    o = d if t == n2 - 1 else min(32 * 2 ** (t + 1), d)
                    layers += [nn.Conv2d(c, o, 3, 2, 1), N(o), nn.ReLU()]; c = o
                for t in range(a.extra):
                    layers += [nn.Conv2d(d, d, 3, 1, 1), N(d), nn.ReLU()]
                s.local = nn.Sequential(*layers)
            s.cpatch = nn.Conv2d(3, d, a.patch, a.patch)
            s.rmlp = nn.Sequential(nn.LayerNorm(d), nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))
    def forward(s, x):
        b = x.shape[0]; M = a.concepts
        xc = x
        if a.gray:
            x = x.mean(1, keepdim=True).expand(-1, 3, -1, -1)
        e = s.patch(x).flatten(2).transpose(1, 2)
        h = torch.cat([s.cls.expand(b, 1, -1), e], 1) + s.pos
        h = s.pre(torch.cat([h, s.tok.expand(b, -1, -1)], 1))
        hs = [h]
        for blk in ([] if a.cnn else s.blocks):
            h, att = blk(h); hs.append(h)
        c0 = 1 + P
        if a.cnn:
            f = s.local(xc).flatten(2).transpose(1, 2)
            q = s.rq(s.rnq(s.rparam.expand(b, -1, -1)))
            k = s.rk(s.rnk(f)); v = s.rv(s.rnv(f))
            logits = q @ k.transpose(1, 2) / math.sqrt(q.shape[-1])
            if a.compete:
                w = torch.softmax(logits, 1); maps = w / (w.sum(2, keepdim=True) + 1e-6)
            else:
                maps = torch.softmax(logits, 2)
            r = maps @ v
            z = r + s.rmlp(r)
        elif a.readout == 'none':
            z = h[:, c0:]
            maps = att[:, :, c0:, 1:c0].mean(1)
        else:
            q = s.rq(s.rnq(h[:, c0:] if a.rq == 'tok' else s.rparam.expand(b, -1, -1)))               # (B, M, D) concept queries from last layer
            k = s.rk(s.rnk(hs[a.rk][:, 1:c0]))              # keys: last-layer patches (they know where parts are)
            v = s.rv(s.rnv(s.cpatch(xc).flatten(2).transpose(1, 2) if a.gray else hs[s.rl][:, 1:c0]))       # values: early patches (local appearance only)
            logits = q @ k.transpose(1, 2) / math.sqrt(q.shape[-1])  # (B, M, P)
            if a.compete:
                w = torch.softmax(logits, 1)          # patches split between concepts
                maps = w / (w.sum(2, keepdim=True) + 1e-6)
            else:
                maps = torch.softmax(logits, 2)
            r = maps @ v
            z = r + s.rmlp(r)
        code = s.hproj(z + s.spec).reshape(b, a.bits)
        return s.bn(code), z, maps

def cm_ce(f, w, onehot, tau=1 / 8, m=0.2):
    cos = F.normalize(f, dim=1) @ F.normalize(w, dim=1).t()
    return -(F.log_softmax((cos - onehot * m) / tau, 1) * onehot).sum(1).mean()

net = Net()
gen = torch.Generator().manual_seed(123)
centres = torch.sign(torch.randn(C, a.bits, generator=gen))
cdw = nn.Parameter(torch.randn(C, a.width) * 0.02)
cdpos = nn.Parameter(torch.randn(a.concepts, a.width) * 0.02)
params = list(net.parameters()) + [cdw, cdpos]
opt = torch.optim.SGD(params, lr=a.lr, momentum=0.9, weight_decay=5e-4)
steps_per_epoch = len(tr) // a.batch
def lr_at(e):
    return (e + 1) / 5 if e < 5 else 0.5 * (1 + math.cos(math.pi * (e - 5) / (a.epochs - 5)))

yy, xx = torch.meshgrid(torch.arange(G), torch.arange(G), indexing='ij')
coords = torch.stack([xx.flatten(), yy.flatten()], 1).float()  # (P, 2)
flip_index = (yy * G + (G - 1 - xx)).flatten()

def run_losses(x, y):
    code, z, maps = net(x)
    oh = F.one_hot(y, C).float()
    terms = {'clf': cm_ce(code, centres, oh)}
    b, M, _ = z.shape
    if a.cd > 0:
        terms['cd'] = a.cd * cm_ce((z + cdpos).reshape(b * M, -1), cdw, oh.repeat_interleave(M, 0))
    if a.csd > 0:
        rows = F.normalize(maps, dim=2)
        sim = (rows @ rows.transpose(1, 2)).mean(0)
        terms['csd'] = a.csd * torch.triu(sim, 1).sum() * 2 / (M * (M - 1))
    if a.conc > 0:
        w = maps / (maps.sum(2, keepdim=True) + 1e-8)
        mu = w @ coords                                          # (B, M, 2)
        var = (w.unsqueeze(-1) * (coords.view(1, 1, P, 2) - mu.unsqueeze(2)) ** 2).sum((2, 3))
        terms['conc'] = a.conc * var.mean() / G
    if a.equiv > 0:
        _, _, fmaps = net(torch.flip(x, [3]))
        terms['equiv'] = a.equiv * (fmaps[:, :, flip_index] - maps).abs().sum(2).mean()
    return terms

t0 = time.time()
for e in range(a.epochs):
    net.train()
    for g in opt.param_groups: g['lr'] = a.lr * lr_at(e)
    perm = tr[np.random.permutation(len(tr))]
    tot = {}
    for i in range(steps_per_epoch):
        idx = perm[i * a.batch:(i + 1) * a.batch]
        x = X[idx].clone(); y = Y[idx]
        fl = torch.rand(len(idx)) < 0.5
        x[fl] = torch.flip(x[fl], [3])
        terms = run_losses(x, y)
        loss = sum(terms.values())
        opt.zero_grad(); loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 5)
        opt.step()
        for k, v in terms.items(): tot[k] = tot.get(k, 0) + v.item() / steps_per_epoch
    if (e + 1) % 10 == 0 or e == a.epochs - 1:
        print('epoch %d %s %.0fs' % (e + 1, ' '.join('%s %.3f' % kv for kv in tot.items()), time.time() - t0), flush=True)

net.eval()
with torch.no_grad():
    codes, maps = [], []
    for i in range(0, len(X), 64):
        c, _, m = net(X[i:i + 64]); codes.append(c); maps.append(m)
    codes = torch.cat(codes) > 0; maps = torch.cat(maps)

def map_all(q, db, yq, ydb):
    d = (q.unsqueeze(1) != db.unsqueeze(0)).sum(2).float()
    aps = []
    for i in range(len(q)):
        order = torch.argsort(d[i] + torch.arange(len(db)) * 1e-6)
        rel = (ydb[order] == yq[i]).float()
        cum = torch.cumsum(rel, 0)
        aps.append(((cum / torch.arange(1, len(db) + 1)) * rel).sum().item() / max(rel.sum().item(), 1))
    return float(np.mean(aps))

mAP = map_all(codes[te], codes[tr], Y[te], Y[tr])
cell = a.size / G
def purity(points):  # points (N, M, 2) in crop px; returns per concept (dominant part, share)
    out = []
    for m in range(points.shape[1]):
        d = np.linalg.norm(KP[te] - points[:, m:m + 1, :], axis=2)  # (N, 5)
        part = d.argmin(1)
        counts = np.bincount(part, minlength=5)
        out.append((PARTS[counts.argmax()], counts.max() / counts.sum(), counts))
    return out
peak = maps[te].argmax(2).numpy()
pts = np.stack([(peak % G + 0.5) * cell, (peak // G + 0.5) * cell], 2)
res = purity(pts)
rng = np.random.default_rng(0)
b = BOX[te]
rp = np.stack([b[:, 0] + rng.random(len(te)) * b[:, 2], b[:, 1] + rng.random(len(te)) * b[:, 3]], 1)[:, None, :]
chance = purity(rp)[0][1]
mp = float(np.mean([r[1] for r in res]))
summary = {'tag': a.tag, 'args': vars(a), 'mAP': mAP, 'purity': mp, 'chance': chance,
           'distinct': len(set(r[0] for r in res)),
           'concepts': [{'part': r[0], 'purity': round(r[1], 3), 'counts': r[2].tolist()} for r in res],
           'seconds': time.time() - t0}
print(json.dumps(summary), flush=True)
with open(a.results, 'a') as f: f.write(json.dumps(summary) + '\n')
