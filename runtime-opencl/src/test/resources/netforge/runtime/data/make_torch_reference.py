#!/usr/bin/python3
"""Writes torch_reference.json: what PyTorch computes for the transforms NetForge copies.

Run with Debian's PyTorch (apt-get install python3-torch dataset-fashion-mnist):
    /usr/bin/python3 make_torch_reference.py > torch_reference.json
TransformsMatchTorchTest reads the file. Inputs are not stored: every case builds its input with
synthetic(shape), value i = ((37 * i + 11) mod 256) / 255 in float32, which the test rebuilds in Java.
The last case is the tutorial's Fashion-MNIST preprocessing (fmnist_peer.py's prep) of the first
training image of the official files, which is also the first image of the bundled subset.
"""
import gzip, json, sys
import numpy as np, torch, torch.nn.functional as F


def synthetic_bytes(n):
    return ((37 * np.arange(n) + 11) % 256).astype(np.uint8)


def synthetic(shape):
    n = int(np.prod(shape))
    return torch.from_numpy(synthetic_bytes(n).astype(np.float32) / 255.0).reshape(shape)


def values(t):
    # The shortest decimal that reads back as the same float32.
    return [float(np.format_float_positional(v, unique=True)) for v in t.detach().numpy().astype(np.float32).reshape(-1)]


def bilinear(c, h, w, oh, ow):
    out = F.interpolate(synthetic((1, c, h, w)), size=(oh, ow), mode="bilinear", align_corners=False)
    return {"input": [c, h, w], "size": [oh, ow], "output": values(out[0])}


def normalize(c, h, w, mean, std):
    x = synthetic((c, h, w))
    out = (x - torch.tensor(mean).view(-1, 1, 1)) / torch.tensor(std).view(-1, 1, 1)
    return {"input": [c, h, w], "mean": mean, "std": std, "output": values(out)}


def crop(c, h, w, padding, oh, ow, top, left, flip):
    x = F.pad(synthetic((c, h, w)), (padding, padding, padding, padding))  # zero padding, as RandomCrop's fill=0
    out = x[:, top:top + oh, left:left + ow]
    if flip:
        out = torch.flip(out, dims=[-1])
    return {"input": [c, h, w], "padding": padding, "size": [oh, ow], "top": top, "left": left,
            "flip": flip, "output": values(out)}


def tutorial(pixels):
    # fmnist_peer.py's prep, on one image.
    t = torch.from_numpy(pixels.astype(np.float32) / 255.0).reshape(1, 1, 28, 28)
    t = F.interpolate(t, size=(32, 32), mode="bilinear", align_corners=False)
    return values(((t - 0.5) / 0.5).repeat(1, 3, 1, 1)[0])


first_train = np.frombuffer(gzip.open("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz").read(),
                            np.uint8, offset=16)[:784]
cifar_mean, cifar_std = [0.4914, 0.4822, 0.4465], [0.2470, 0.2435, 0.2616]
json.dump({
    "torch": torch.__version__,
    "bilinear": [bilinear(1, 28, 28, 32, 32), bilinear(2, 4, 5, 7, 9), bilinear(1, 7, 7, 3, 3),
                 bilinear(3, 6, 4, 6, 4), bilinear(1, 5, 8, 10, 3), bilinear(1, 1, 1, 3, 2),
                 bilinear(1, 3, 3, 1, 1), bilinear(1, 32, 32, 28, 28),
                 bilinear(3, 28, 28, 32, 32), bilinear(2, 32, 32, 28, 28)],
    "normalize": [normalize(3, 4, 4, cifar_mean, cifar_std), normalize(1, 3, 5, [0.5], [0.5])],
    "crop": [crop(3, 5, 6, 2, 4, 5, 1, 3, False), crop(3, 5, 6, 2, 4, 5, 1, 3, True),
             crop(1, 4, 4, 4, 4, 4, 0, 0, False), crop(1, 4, 4, 4, 4, 4, 8, 8, True),
             crop(2, 3, 3, 0, 2, 2, 1, 0, True)],
    "tutorial_synthetic": tutorial(synthetic_bytes(784)),
    "tutorial_first_train_image": tutorial(first_train),
}, sys.stdout, separators=(",", ":"))
print()
