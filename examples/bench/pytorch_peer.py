#!/usr/bin/python3
"""PyTorch's side of NetForge's benchmark: the same networks, timed the same way as `netforge bench`.

Needs Debian's PyTorch (apt-get install -y python3-torch), run with /usr/bin/python3.

usage: pytorch_peer.py {alexnet-cifar,alexnet,resnet18-cifar,vgg11-bn} {train,infer} [--batch 128] [--warmup 2] [--steps 8] [--threads N]

A training step is zero_grad + forward + CrossEntropyLoss + backward + SGD(lr 0.01, momentum 0.9, weight decay
5e-4) step, on a fixed random batch; inference is a forward pass under no_grad in eval mode. The median of the timed
steps counts. GFLOP/s count 2 x multiply-accumulates of convolutions and linear layers, 3 x forward for training,
as NetForge does. Prints one JSON line, with the peak resident memory of the process.
"""
import argparse
import json
import os
import resource
import statistics
import time

parser = argparse.ArgumentParser()
parser.add_argument("network", choices=["alexnet-cifar", "alexnet", "resnet18-cifar", "vgg11-bn"])
parser.add_argument("mode", choices=["train", "infer"])
parser.add_argument("--batch", type=int, default=128)
parser.add_argument("--warmup", type=int, default=2)
parser.add_argument("--steps", type=int, default=8)
parser.add_argument("--threads", type=int, default=os.cpu_count())
args = parser.parse_args()
os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
import torch  # noqa: E402  (after the thread count is set)
from torch import nn  # noqa: E402

torch.set_num_threads(args.threads)


def alexnet_cifar():
    """examples/.../AlexNetCifar.java: 3x32x32, 3x3 convolutions, 2x2 max pools, adaptive 6x6, 10 classes."""
    return nn.Sequential(
        nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(64, 192, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(),
        nn.Conv2d(256, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.AdaptiveAvgPool2d((6, 6)), nn.Flatten(),
        nn.Dropout(0.5), nn.Linear(9216, 4096), nn.ReLU(),
        nn.Dropout(0.5), nn.Linear(4096, 4096), nn.ReLU(),
        nn.Linear(4096, 10)), (3, 32, 32)


def alexnet():
    """examples/.../AlexNet.java: the classic single tower on 1x227x227, 10 classes."""
    return nn.Sequential(
        nn.Conv2d(1, 96, 11, stride=4), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Conv2d(96, 256, 5, padding=2), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Conv2d(256, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(3, 2), nn.Flatten(),
        nn.Dropout(0.5), nn.Linear(9216, 4096), nn.ReLU(),
        nn.Dropout(0.5), nn.Linear(4096, 4096), nn.ReLU(),
        nn.Linear(4096, 10)), (1, 227, 227)


class BasicBlock(nn.Module):
    """examples/.../resnet/BasicBlock.java and DownsampleBlock.java: torchvision's BasicBlock."""

    def __init__(self, inplanes, planes, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = None
        if stride != 1 or inplanes != planes:
            self.downsample = nn.Sequential(nn.Conv2d(inplanes, planes, 1, stride, bias=False), nn.BatchNorm2d(planes))

    def forward(self, x):
        out = torch.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return torch.relu(out + (x if self.downsample is None else self.downsample(x)))


def resnet18_cifar():
    """examples/.../resnet/ResNet18Cifar.java: torchvision's ResNet-18 with a 3x3 stem and no max pool."""
    layers = [nn.Conv2d(3, 64, 3, 1, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU()]
    inplanes = 64
    for i, planes in enumerate([64, 128, 256, 512]):
        layers += [BasicBlock(inplanes, planes, 1 if i == 0 else 2), BasicBlock(planes, planes, 1)]
        inplanes = planes
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(512, 10)]
    return nn.Sequential(*layers), (3, 32, 32)


def vgg11_bn():
    """examples/.../vgg/Vgg11Bn.java: VGG-11 with BatchNorm for 3x32x32, one linear classifier."""
    layers, channels = [], 3
    for i, out in enumerate([64, 128, 256, 256, 512, 512, 512, 512], 1):
        layers += [nn.Conv2d(channels, out, 3, padding=1), nn.BatchNorm2d(out), nn.ReLU()]
        if i in (1, 2, 4, 6, 8):
            layers.append(nn.MaxPool2d(2))
        channels = out
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(512, 10)), (3, 32, 32)


def forward_flops(model, shape):
    macs = []

    def count(module, _, output):
        if isinstance(module, nn.Conv2d):
            macs.append(output[0].numel() * module.in_channels * module.kernel_size[0] * module.kernel_size[1])
        else:
            macs.append(module.in_features * module.out_features)

    hooks = [m.register_forward_hook(count) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model.eval()
        model(torch.zeros(1, *shape))
    for h in hooks:
        h.remove()
    return 2 * sum(macs)


torch.manual_seed(0)
model, shape = {"alexnet-cifar": alexnet_cifar, "alexnet": alexnet, "resnet18-cifar": resnet18_cifar,
                "vgg11-bn": vgg11_bn}[args.network]()
flops = forward_flops(model, shape) * (3 if args.mode == "train" else 1)
inputs = torch.randn(args.batch, *shape)
labels = torch.randint(0, 10, (args.batch,))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)


def step():
    if args.mode == "train":
        model.train()
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(inputs), labels)
        loss.backward()
        optimizer.step()
        return loss.item()
    model.eval()
    with torch.no_grad():
        return model(inputs).sum().item()


for _ in range(args.warmup):
    step()
seconds = []
for _ in range(args.steps):
    start = time.perf_counter()
    step()
    seconds.append(time.perf_counter() - start)
median = statistics.median(seconds)
print(json.dumps({
    "peer": "pytorch-" + torch.__version__, "model": args.network, "mode": args.mode, "batch": args.batch,
    "threads": torch.get_num_threads(), "median_s": round(median, 4), "images_per_s": round(args.batch / median, 2),
    "gflops": round(args.batch / median * flops / 1e9, 1),
    "peak_rss_gib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 3)}))
