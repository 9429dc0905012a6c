#!/usr/bin/python3
"""The PyTorch side of the peer benchmark (issue 3, item 5).

Trains the project's SmallCnn (src/AdaptiveLoss.Training/Models/SmallCnn.cs) with Adam on Fashion-MNIST exactly as
the C# bare loop in PeerSuite does -- same data split and standardisation (DataSplit.cs), same batch order scheme,
same per-step work (index_select, forward, cross-entropy, backward, step, loss.item()) -- and prints one JSON object
with the images per second of the timed batches. Run it with Debian's interpreter: /usr/bin/python3 (python3-torch).
"""
import argparse
import gzip
import json
import platform
import sys
import time

import numpy as np
import torch
from torch import nn


def read_idx(path, magic, header):
    """An IDX file (gzip or raw) as a numpy uint8 array of its items, checked against its magic number."""
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        data = f.read()
    if int.from_bytes(data[0:4], "big") != magic:
        raise SystemExit(f"{path}: not an IDX file with magic {magic}")
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(header)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * header).reshape(dims)


def load_train(folder, validation_size):
    """Training split as DataSplit.Carve makes it: the first n - validation images, /255, standardised per channel
    with the training split's mean and population standard deviation."""
    images = read_idx(f"{folder}/train-images-idx3-ubyte.gz", 2051, 3)
    labels = read_idx(f"{folder}/train-labels-idx1-ubyte.gz", 2049, 1)
    count = images.shape[0] - validation_size
    x = torch.from_numpy(images[:count].astype(np.float32) / np.float32(255.0)).unsqueeze(1).contiguous()
    y = torch.from_numpy(labels[:count].astype(np.int64)).contiguous()
    mean = x.mean(dim=(0, 2, 3), keepdim=True)
    std = x.std(dim=(0, 2, 3), unbiased=False, keepdim=True)
    std = torch.where(std > 1e-6, std, torch.ones_like(std))
    return (x - mean) / std, y


class SmallCnn(nn.Module):
    """conv 1->16 3x3 pad 1, relu, maxpool 2, conv 16->32, relu, maxpool 2, flatten, fc 1568->64, relu, fc 64->10."""

    def __init__(self, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, 3, padding=1)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(32 * 7 * 7, 64)
        self.fc2 = nn.Linear(64, classes)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        x = torch.relu(self.fc1(x.flatten(1)))
        return self.fc2(x)


class Batches:
    """A fresh permutation of the training indices every epoch, from a seeded generator (BatchStream.cs)."""

    def __init__(self, count, batch_size, seed):
        self.count, self.batch_size, self.position, self.order = count, batch_size, count, None
        self.generator = torch.Generator().manual_seed(seed)

    def next(self):
        if self.position >= self.count:
            self.order, self.position = torch.randperm(self.count, generator=self.generator), 0
        length = min(self.batch_size, self.count - self.position)
        batch = self.order[self.position:self.position + length]
        self.position += length
        return batch


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batches", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--validation-size", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    a = parser.parse_args()

    default_threads = torch.get_num_threads()
    torch.set_num_threads(a.threads)
    x, y = load_train(a.data, a.validation_size)
    torch.manual_seed(a.seed)
    model = SmallCnn()
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=a.lr)
    loss_fn = nn.CrossEntropyLoss()
    batches = Batches(x.shape[0], a.batch_size, a.seed)

    def step():
        index = batches.next()
        images, labels = x.index_select(0, index), y.index_select(0, index)
        optimizer.zero_grad()
        loss = loss_fn(model(images), labels)
        loss.backward()
        optimizer.step()
        return loss.item(), index.shape[0]

    for _ in range(a.warmup):
        step()
    images = 0
    loss = float("nan")
    start = time.perf_counter()
    for _ in range(a.batches):
        loss, n = step()
        images += n
    seconds = time.perf_counter() - start

    json.dump({
        "framework": "pytorch",
        "torchVersion": torch.__version__,
        "numpyVersion": np.__version__,
        "python": platform.python_version(),
        "interpreter": sys.executable,
        "blas": torch.__config__.show().split("BLAS_INFO=")[1].split(",")[0] if "BLAS_INFO=" in torch.__config__.show() else None,
        "defaultThreads": default_threads,
        "threads": torch.get_num_threads(),
        "batchSize": a.batch_size,
        "warmupBatches": a.warmup,
        "batches": a.batches,
        "images": images,
        "seconds": seconds,
        "imagesPerSecond": images / seconds,
        "finalLoss": loss,
        "trainImages": int(x.shape[0]),
    }, sys.stdout)
    print()


if __name__ == "__main__":
    main()
