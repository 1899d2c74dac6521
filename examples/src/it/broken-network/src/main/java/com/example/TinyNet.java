package com.example;

import netforge.annotations.*;

/** A small convolutional network for 28x28 grey images, declared the NetForge way. */
@Network(input = @Input(channels = 1, height = 28, width = 28), classes = 10)
public abstract class TinyNet {
  @Conv(out = 8, k = 3, p = 1) @ReLU   Layer conv1;
  @MaxPool(k = 2, s = 2)               Layer pool1;
  @Conv(out = 16, k = 3, p = 1) @ReLU  Layer conv2;
  @MaxPool(k = 2, s = 2)               Layer pool2;
  @Dense(in = 512, out = 64) @ReLU   Layer fc1; // wrong: conv2 and pool2 leave 16 x 7 x 7 = 784
  @Dense(out = 10)                     Layer fc2;
}
