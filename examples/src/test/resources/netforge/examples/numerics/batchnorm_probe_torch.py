# BatchNormProbe (netforge.examples.probes) in PyTorch, for BatchNormMatchesPyTorchTest: loads NetForge's weights
# file with load_state_dict(strict=True), then runs an evaluation forward and one training forward and backward on
# the batch NetForge ran, and writes what it got as safetensors.
# Usage: python3 batchnorm_probe_torch.py WEIGHTS INPUTS OUTPUT
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

from nf_safetensors import read, write


class Probe(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm0 = nn.BatchNorm2d(3)
        self.c1 = nn.Conv2d(3, 7, 3, padding=1, bias=False)
        self.c1.bn = nn.BatchNorm2d(7)
        self.c2 = nn.Conv2d(7, 5, 2)
        self.bn2 = nn.BatchNorm2d(5, eps=1e-3, momentum=0.3)
        self.fc1 = nn.Linear(30, 11)
        self.fc1.bn = nn.BatchNorm1d(11)
        self.out = nn.Linear(11, 5)

    def forward(self, x, keep=None):
        x = self.norm0(x)
        x = F.relu(self.c1.bn(self.c1(x)))
        x = F.max_pool2d(x, 2)
        x = self.bn2(F.relu(self.c2(x)))
        x = self.fc1.bn(self.fc1(torch.flatten(x, 1)))
        if keep is not None:  # NetForge's dropout mask, p = 0.25
            x = x * keep / 0.75
        return self.out(x)


def main(weights, inputs, output):
    torch.set_num_threads(1)
    model = Probe()
    model.load_state_dict(read(weights), strict=True)
    given = read(inputs)
    x = given["input"]
    result = {}
    model.eval()
    with torch.no_grad():
        result["eval.logits"] = model(x)
    model.train()
    loss = F.cross_entropy(model(x, given["keep"]), given["labels"])
    loss.backward()
    result["train.loss"] = loss.detach().reshape([1])
    for name, p in model.named_parameters():
        result["grad." + name] = p.grad
    for name, b in model.named_buffers():
        result["state." + name] = b
    write(output, result)


if __name__ == "__main__":
    main(*sys.argv[1:])
