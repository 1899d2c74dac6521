# ResNet-18 as torchvision defines it (its CIFAR variant: a 3x3 stride-1 stem, no max pool) and VGG-11 with
# BatchNorm as NetForge's Vgg11Bn names it, for TorchNetworksMatchNetForgeTest. "make" initialises one at random
# (PyTorch's own initialisation, running statistics moved away from 0 and 1), saves its state dict, a batch, and what
# PyTorch computes on it: logits in evaluation, then one training step's loss, gradients and running statistics,
# in fp32 and again in fp64, and the fp32 gradients of a training step on the first GRADIENT_BATCH images alone
# (see TorchNetworksMatchNetForgeTest for why the fp32 gradients may need a smaller batch than the rest).
# "check" loads a weights file NetForge wrote with load_state_dict(strict=True) and compares it with the original.
# Usage: python3 torchvision_nets.py make resnet18-cifar|vgg11-bn DIR GRADIENT_BATCH
#        python3 torchvision_nets.py check resnet18-cifar|vgg11-bn DIR WEIGHTS
import copy
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

from nf_safetensors import read, write

BATCH = 5


class BasicBlock(nn.Module):
    """torchvision.models.resnet.BasicBlock, with its names."""

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
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + (x if self.downsample is None else self.downsample(x)))


class ResNet18Cifar(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        widths = [64, 128, 256, 512]
        inplanes = 64
        for i, planes in enumerate(widths):
            stride = 1 if i == 0 else 2
            setattr(self, "layer%d" % (i + 1), nn.Sequential(BasicBlock(inplanes, planes, stride),
                                                           BasicBlock(planes, planes, 1)))
            inplanes = planes
        self.fc = nn.Linear(512, classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


class Vgg11Bn(nn.Module):
    """NetForge's Vgg11Bn: conv<i> with its BatchNorm as conv<i>.bn, max pools after convs 1, 2, 4, 6 and 8."""
    CHANNELS = [64, 128, 256, 256, 512, 512, 512, 512]
    POOL_AFTER = {1, 2, 4, 6, 8}

    def __init__(self, classes=10):
        super().__init__()
        channels = 3
        for i, out in enumerate(self.CHANNELS, 1):
            conv = nn.Conv2d(channels, out, 3, padding=1)
            conv.bn = nn.BatchNorm2d(out)
            setattr(self, "conv%d" % i, conv)
            channels = out
        self.classifier = nn.Linear(512, classes)

    def forward(self, x):
        for i in range(1, len(self.CHANNELS) + 1):
            conv = getattr(self, "conv%d" % i)
            x = F.relu(conv.bn(conv(x)))
            if i in self.POOL_AFTER:
                x = F.max_pool2d(x, 2)
        return self.classifier(torch.flatten(x, 1))


def build(name):
    return {"resnet18-cifar": ResNet18Cifar, "vgg11-bn": Vgg11Bn}[name]()


def training_step(model, images, labels, dtype):
    """One training step of a copy of the model in dtype: its loss, gradients and the running statistics after it."""
    model = copy.deepcopy(model).to(dtype)
    model.train()
    loss = F.cross_entropy(model(images.to(dtype)), labels)
    loss.backward()
    results = {"loss": loss.detach().reshape(1)}
    for key, parameter in model.named_parameters():
        results["grad." + key] = parameter.grad.detach().clone()
    for key, buffer in model.named_buffers():
        results["state." + key] = buffer.detach().clone()
    return results


def make(name, directory, gradient_batch):
    torch.manual_seed(7)
    torch.set_num_threads(2)
    model = build(name)
    for module in model.modules():
        if isinstance(module, nn.BatchNorm2d):
            # statistics of a trained network, so that evaluation really reads them
            module.running_mean.normal_(0, 0.2)
            module.running_var.uniform_(0.5, 1.5)
            module.num_batches_tracked.fill_(int(torch.randint(1, 1000, ())))
            module.weight.data.uniform_(0.5, 1.5)
            module.bias.data.normal_(0, 0.1)
    write(directory + "/weights.safetensors", {k: v.detach().clone() for k, v in model.state_dict().items()})
    images = torch.randn(BATCH, 3, 32, 32)
    labels = torch.randint(0, 10, (BATCH,))
    write(directory + "/inputs.safetensors", {"input": images, "labels": labels})
    results = {}
    model.eval()
    with torch.no_grad():
        results["eval.logits"] = model(images)
    for key, value in training_step(model, images, labels, torch.float32).items():
        if not key.startswith("grad."):
            results["train." + key] = value
    for key, value in training_step(model, images, labels, torch.float64).items():
        if key.startswith("grad."):
            results["train64." + key] = value
    small = training_step(model, images[:gradient_batch], labels[:gradient_batch], torch.float32)
    for key, value in small.items():
        if key.startswith("grad."):
            results["small." + key] = value
    write(directory + "/torch.safetensors", results)


def check(name, directory, weights):
    model = build(name)
    model.load_state_dict(read(weights), strict=True)
    original = read(directory + "/weights.safetensors")
    for key, value in model.state_dict().items():
        if not torch.equal(value, original[key]):
            raise SystemExit("%s differs from the weights PyTorch wrote" % key)
    print("loaded %d tensors, all equal" % len(original))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        check(sys.argv[2], sys.argv[3], sys.argv[4])
