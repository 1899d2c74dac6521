package com.example;

import netforge.annotations.*;

@Network(input = @Input(channels = 3, height = 32, width = 32), classes = 10)
public abstract class SmallResNet {
  @Conv(out = 16, k = 3, p = 1) @ReLU                             Layer stem;
  @Use(value = Basic.class, out = 16)                             Layer layer1;
  @Use(value = Down.class, out = 32, s = 2)                       Layer layer2;   // 16x16, 32 channels
  @Use(value = Basic.class, out = 32)                             Layer layer2b;
  @AdaptiveAvgPool(h = 1, w = 1)                                  Layer pool;
  @Dense(out = 10)                                                Layer fc;

  @Block abstract static class Basic {
    @Conv(out = Block.OUT, k = 3, p = 1) @ReLU                    Layer conv1;
    @Conv(out = Block.OUT, k = 3, p = 1)                          Layer conv2;
    @Add({"conv2", Block.INPUT}) @ReLU                            Layer out;
  }

  @Block abstract static class Down {                             // with a strided 1x1 projection shortcut
    @Conv(out = Block.OUT, k = 3, s = Block.STRIDE, p = 1) @ReLU  Layer conv1;
    @Conv(out = Block.OUT, k = 3, p = 1)                          Layer conv2;
    @From(Block.INPUT) @Conv(out = Block.OUT, k = 1, s = Block.STRIDE) Layer downsample;
    @Add({"conv2", "downsample"}) @ReLU                           Layer out;
  }
}
