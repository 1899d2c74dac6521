package netforge.processor.kernel;

import static netforge.processor.kernel.ScratchUse.fixed;

import com.palantir.javapoet.CodeBlock;
import netforge.processor.kernel.ScratchUse.ChunkColumns;
import netforge.processor.kernel.ScratchUse.ColumnStrips;
import netforge.processor.kernel.ScratchUse.Extent;
import netforge.processor.kernel.ScratchUse.Matrix;
import netforge.processor.kernel.ScratchUse.RowStrips;
import netforge.processor.model.Op;

/**
 * A convolution as GEMMs over image chunks. Forward: {@code Y[co, pixel] = W[co, patch] * im2col(X)[patch, pixel]}
 * with bias and the epilogue fused into the GEMM's store. Backward: the gradient is masked and the bias gradient
 * summed in one pass; {@code dW = dZ * im2col(X)^T}, accumulated over chunks; {@code dCol = W^T * dZ}, then
 * col2im gathers dX. The im2col happens while packing B, never as a separate matrix in the forward pass. Plain
 * operands and backward products use the {@link SharedKernels}; im2col, the fused forward GEMM, the mask and
 * col2im are specialised with this layer's constants.
 *
 * <p>A grouped convolution (PyTorch's {@code groups}) is the same products once per group: group {@code g}'s
 * output channels, its rows of W ({@code [out / groups, patch]}, adjacent in PyTorch's layout) and the im2col of its
 * input channels only. Its kernels take the group as an argument {@code g} and offset channels by it; with one
 * group they are the ungrouped kernels, unchanged. (A depthwise convolution, one input channel per group, has
 * kernels of its own: {@link DepthwiseConvKernels}.)
 */
final class ConvKernels implements StageKernels {
  private final Stage stage;
  private final String prefix;
  private final int ci, h, w, co, oh, ow, kh, kw, s, padH, padW, groups, groupIn, groupOut;
  private final boolean grouped;
  /** The patch, one group's input channels times the window: a GEMM's depth. */
  private final long kk;
  private final long pixels, inSize;
  private final Kernel gemm, im2col, packCols, col2im;
  private final MaskBias maskBias;

  ConvKernels(Stage stage, String prefix) {
    this.stage = stage;
    this.prefix = prefix;
    Op.Conv c = (Op.Conv) stage.reduction();
    ci = stage.in().channels();
    h = stage.in().height();
    w = stage.in().width();
    co = stage.out().channels();
    oh = stage.out().height();
    ow = stage.out().width();
    kh = c.kernelHeight();
    kw = c.kernelWidth();
    s = c.stride();
    padH = c.padHeight();
    padW = c.padWidth();
    groups = c.groups();
    grouped = groups > 1;
    groupIn = ci / groups;
    groupOut = co / groups;
    kk = (long) groupIn * kh * kw;
    pixels = (long) oh * ow;
    inSize = (long) ci * h * w;
    gemm = new Kernel(name(true, "conv" + (stage.biasOffset() >= 0 ? "_bias" : "") + stage.epilogueSuffix()),
        Signatures.forStage(stage, grouped ? Signatures.GROUPED_CONV_GEMM : Signatures.CONV_GEMM, true));
    KernelSignature columns = grouped ? Signatures.GROUPED_CHUNK_COLUMNS : Signatures.CHUNK_COLUMNS;
    im2col = new Kernel(name(true, "im2col"), columns);
    maskBias = new MaskBias(stage, prefix, co, pixels);
    packCols = new Kernel(name(false, "pack_cols"), columns);
    col2im = new Kernel(name(false, "col2im"), grouped ? Signatures.GROUPED_COL2IM : Signatures.COL2IM);
  }

  private String name(boolean forward, String what) {
    return prefix + "_" + stage.tag(forward) + "_" + what;
  }

  @Override
  public void openCl(ClSource cl) {
    cl.section("stage %d, %s: convolution [%d, %d, %d] -> [%d, %d, %d], kernel %dx%d, stride %d, padding %s%s",
        stage.index(), stage.layer(), ci, h, w, co, oh, ow, kh, kw, s, CoveringWindows.padding(padH, padW),
        grouped ? String.format(", %d groups of %d -> %d channels", groups, groupIn, groupOut) : "");
    cl.blank();
    im2col(cl);
    // the GEMM's row m is output channel m, or in group g, channel g * (out / groups) + m
    String channel = grouped ? "ch" : "m";
    Gemm.render(cl, gemm, "Y = W x im2col(X) + bias, then the epilogue; stored NCHW" + (grouped ? ", group g" : ""),
        e -> {
          e.line("const int img = n / %d;", pixels);
          groupChannel(e);
          e.line("const size_t o = ((size_t)(n0 + img) * %d + %s) * %d + (n - img * %d);", co, channel, pixels,
              pixels);
          e.line(stage.biasOffset() >= 0 ? "real y = v + params[%dL + %s];" : "real y = v;", stage.biasOffset(),
              channel);
          Epilogue.forward(e, stage);
          e.line("out[o] = y;");
        }, stage.hasDropout() ? null : new Gemm.VectorEpilogue(
            String.format("nb / %d == (nb + TN - 1) / %d", pixels, pixels), e -> {
          // the tile's columns are adjacent pixels of one image: store whole vectors
          e.line("const int img = nb / %d;", pixels);
          groupChannel(e);
          e.line("__global real* y = out + ((size_t)(n0 + img) * %d + %s) * %d + (nb - img * %d);", co, channel,
              pixels, pixels);
          if (stage.storesPreActivation()) {
            e.line("__global real* z = pre + (y - out);");
          }
          e.line(stage.biasOffset() >= 0 ? "const real bias = params[%dL + %s];" : "const real bias = 0;",
              stage.biasOffset(), channel);
          e.line("#pragma unroll");
          e.open("for (int j = 0; j < TNV; ++j) {");
          e.line("real16 x = acc[i][j] + bias;");
          if (stage.storesPreActivation()) {
            e.line("if (training) vstore16(x, j, z);  // the epilogue's input, for the backward pass");
          }
          Epilogue.forwardVector(e, stage, "x");
          e.line("vstore16(x, j, y);");
          e.close();
        }));

    if (!stage.needsBackward()) {
      return;
    }
    Epilogue.defineMask(cl, stage, prefix);
    maskBias.openCl(cl);
    im2colTransposed(cl);
    if (!stage.needsInputGradient()) {
      return;
    }
    cl.line("// col2im: dX[img, ci, ih, iw] gathers dCol over the output pixels whose window covers it. One work-item");
    cl.line("// per input row; a pixel has at most %s such windows, visited branch-free",
        CoveringWindows.count(kh, kw, s));
    cl.open("%s", col2im.header());
    cl.line("const size_t row = get_global_id(0);");
    cl.line("if (row >= (size_t)rows) return;");
    cl.line("const int img = row / %d;", (long) groupIn * h);
    cl.line("const int c = row / %d %% %d;", h, groupIn);
    cl.line("const int ih = row %% %d;", h);
    cl.line("const __global real* image = col + img * %d;", pixels);
    cl.open("for (int iw = 0; iw < %d; ++iw) {", w);
    cl.line("real sum = 0;");
    CoveringWindows.open(cl, kh, kw, s, padH, padW, oh, ow);
    cl.line("const real v = image[covers ? (size_t)((c * %d + dh) * %d + dw) * cols + oh * %d + ow : 0];", kh, kw,
        ow);
    cl.line("sum += covers ? v : (real)0;");
    CoveringWindows.close(cl);
    if (grouped) {
      // the group's channels of each image: rows of one image are not adjacent to the next image's
      cl.line("dx[((size_t)(n0 + img) * %d + g * %d + c) * %d + ih * %d + iw] = sum;", ci, groupIn, (long) h * w, w);
    } else {
      cl.line("dx[(size_t)n0 * %d + row * %d + iw] = sum;", inSize, w);
    }
    cl.close();
    cl.close();
    cl.blank();
  }

  /** In a grouped convolution's epilogue, {@code ch}: the output channel of the GEMM's row {@code m} in group g. */
  private void groupChannel(ClSource e) {
    if (grouped) {
      e.line("const int ch = g * %d + m;", groupOut);
    }
  }

  /**
   * B of the forward GEMM: im2col(X) of one chunk, {@code [patch, (image, row, column)]}, into strips of TN
   * columns. A work-item fills one patch row of a strip, 16 columns at a time: the index arithmetic runs on
   * 16-wide integer vectors, the 16 loads are gathered and the values leave in one vector store.
   */
  private void im2col(ClSource cl) {
    cl.line("// B for the forward GEMM: im2col(X) of one chunk as [patch, (image, oh, ow)], strips of TN columns");
    cl.open("%s", im2col.header());
    cl.line("const int k = get_global_id(0);");
    cl.line("const int strip = get_global_id(1);");
    cl.line("if (k >= k_depth) return;");
    cl.line("const int ci = k / %d, kh = k / %d %% %d, kw = k %% %d;", kh * kw, kw, kh, kw);
    cl.line("const __global real* channel = src + ((size_t)n0 * %d + %sci) * %d;", this.ci,
        grouped ? "g * " + groupIn + " + " : "", (long) h * w);
    cl.line("__global real* dst = bp + ((size_t)strip * k_depth + k) * TN;");
    cl.line("#pragma unroll");
    cl.open("for (int j = 0; j < TNV; ++j) {");
    cl.line("const int16 n = strip * TN + j * 16 + NF_LANE;");
    cl.line("// lanes index from the first lane's image, or the chunk's last when the group is past the end");
    cl.line("const int first = min(strip * TN + j * 16, n_cols - 1);");
    cl.line("const __global real* base = channel + (size_t)(first / %d) * %d;", pixels, inSize);
    cl.line("const int16 img = n / %d - first / %d, oh = n %% %d / %d, ow = n %% %d;", pixels, pixels, pixels, ow,
        ow);
    cl.line("const int16 ih = oh * %d - %d + kh, iw = ow * %d - %d + kw;", s, padH, s, padW);
    cl.line("const int16 inside = n < n_cols && ih >= 0 && ih < %d && iw >= 0 && iw < %d;", h, w);
    // 16 lanes span at most 16 / pixels + 2 images past the first: an int offset unless images are huge
    if ((16L / pixels + 2) * inSize < Integer.MAX_VALUE) {
      cl.line("const int16 at = select((int16)(0), img * %d + ih * %d + iw, inside);", inSize, w);
    } else {
      cl.line("const long16 at = select((long16)(0), convert_long16(img) * %dL + convert_long16(ih * %d + iw), "
          + "convert_long16(inside));", inSize, w);
    }
    gatherAndStore(cl, "base");
    cl.close();
    cl.close();
    cl.blank();
  }

  /** B of dW = dZ x im2col(X)^T: {@code [(image, row, column), patch]}, strips of TN patches, as {@link #im2col}. */
  private void im2colTransposed(ClSource cl) {
    cl.line("// B for dW = dZ x im2col(X)^T: im2col(X)^T of one chunk as [(image, oh, ow), patch], strips of TN");
    cl.open("%s", packCols.header());
    cl.line("const int k = get_global_id(0);");
    cl.line("const int strip = get_global_id(1);");
    cl.line("if (k >= k_depth) return;");
    cl.line("const int img = k / %d, oh = k %% %d / %d, ow = k %% %d;", pixels, pixels, ow, ow);
    cl.line("const __global real* image = src + (size_t)(n0 + img) * %d%s;", inSize,
        grouped ? " + g * " + (long) groupIn * h * w : "");
    cl.line("__global real* dst = bp + ((size_t)strip * k_depth + k) * TN;");
    cl.line("#pragma unroll");
    cl.open("for (int j = 0; j < TNV; ++j) {");
    cl.line("const int16 n = strip * TN + j * 16 + NF_LANE;");
    cl.line("const int16 ci = n / %d, kh = n / %d %% %d, kw = n %% %d;", kh * kw, kw, kh, kw);
    cl.line("const int16 ih = oh * %d - %d + kh, iw = ow * %d - %d + kw;", s, padH, s, padW);
    cl.line("const int16 inside = n < n_cols && ih >= 0 && ih < %d && iw >= 0 && iw < %d;", h, w);
    cl.line("const int16 at = select((int16)(0), ci * %d + ih * %d + iw, inside);", (long) h * w, w);
    gatherAndStore(cl, "image");
    cl.close();
    cl.close();
    cl.blank();
  }

  /** Loads {@code base[at.sX]} for the 16 lanes and stores them, zero outside the input, as vector {@code j}. */
  private static void gatherAndStore(ClSource cl, String base) {
    cl.line("real16 v;");
    String lanes = "0123456789abcdef";
    for (int i = 0; i < 16; i += 4) {
      StringBuilder line = new StringBuilder();
      for (int l = i; l < i + 4; l++) {
        line.append(String.format("v.s%c = %s[at.s%c];", lanes.charAt(l), base, lanes.charAt(l)));
        line.append(l < i + 3 ? " " : "");
      }
      cl.line("%s", line);
    }
    cl.line("vstore16(select((real16)(0), v, inside), j, dst);");
  }

  /** The weight tensor's offset: W of the whole layer, or in a grouped convolution, group {@code group}'s rows. */
  private String weight() {
    String layer = Names.longLiteral(stage.weightOffset());
    return grouped ? layer + " + group * " + Names.longLiteral(groupOut * kk) : layer;
  }

  private String chunk() {
    return "p.chunk(" + Names.longLiteral(kk * pixels) + ")";
  }

  /** A grouped convolution runs its products once per group: opens that loop (nothing for one group). */
  private void openGroups(CodeBlock.Builder java) {
    if (grouped) {
      java.beginControlFlow("for (int group = 0; group < $L; group++)", groups);
    }
  }

  private void closeGroups(CodeBlock.Builder java) {
    if (grouped) {
      java.endControlFlow();
    }
  }

  /** Binds a layer kernel's group argument, which only grouped convolutions' kernels have. */
  private KernelLaunch inGroup(KernelLaunch launch) {
    return grouped ? launch.bind("g", "group") : launch;
  }

  @Override
  public void forward(CodeBlock.Builder java, ArgumentClasses classes) {
    String kk = String.valueOf(this.kk);
    String co = String.valueOf(groupOut);
    java.addStatement("int chunk = $L", chunk());
    openGroups(java);
    Launches.packRows(java, classes, Launches.Strided.matrix(Launches.PARAMS, weight(), kk), Scratch.W, co, kk);
    java.beginControlFlow("for (int n0 = 0; n0 < p.batch(); n0 += chunk)");
    java.addStatement("int cols = $T.min(chunk, p.batch() - n0) * $L", Math.class, pixels);
    java.addStatement("p.packColumns($L, cols, $L)", inGroup(im2col.launch().bind("src", stage.input())
        .bind("bp", Scratch.B).bind("n0", "n0")).code(classes), kk);
    java.addStatement("p.gemm($L, $L, cols, $L)", inGroup(gemm.launch().bind("ap", Scratch.W).bind("bp", Scratch.B)
        .bind("out", stage.output()).bind("params", "p.params()").bind("n0", "n0").bindDropoutKey()
        .bindPreActivation(stage)).code(classes),
        co, kk);
    java.endControlFlow();
    closeGroups(java);
  }

  @Override
  public void backward(CodeBlock.Builder java, ArgumentClasses classes, BufferName gradIn, BufferName gradOut) {
    String kk = String.valueOf(this.kk);
    String co = String.valueOf(groupOut);
    maskBias.launch(java, classes, gradIn);
    java.addStatement("int chunk = $L", chunk());
    openGroups(java);
    if (stage.needsInputGradient()) {
      // W^T as [patch, co], packed once for every chunk's dCol = W^T x dZ
      Launches.packRows(java, classes, Launches.Strided.transposed(Launches.PARAMS, weight(), kk), Scratch.W, kk,
          co);
    }
    java.beginControlFlow("for (int n0 = 0; n0 < p.batch(); n0 += chunk)");
    java.addStatement("int count = $T.min(chunk, p.batch() - n0)", Math.class);
    java.addStatement("int cols = count * $L", pixels);
    // dZ of the chunk, an NCHW tensor, read as [co, (image, pixel)] (a group's channels: from its first)
    String first = grouped ? " + group * " + Names.longLiteral(groupOut * pixels) : "";
    Launches.Strided dz = new Launches.Strided(gradIn.read(), "n0 * " + Names.longLiteral(this.co * pixels) + first,
        String.valueOf(pixels), String.valueOf(pixels), Names.longLiteral(this.co * pixels), "1");
    Launches.packRows(java, classes, dz, Scratch.A, co, "cols");
    java.addStatement("p.packColumns($L, $L, cols)", inGroup(packCols.launch().bind("src", stage.input())
        .bind("bp", Scratch.B).bind("n0", "n0")).code(classes), kk);
    Launches.gemmStore(java, classes, Scratch.A, Scratch.B, co, kk, "cols", Launches.GRADS, weight(), kk,
        "n0 > 0 ? 1 : 0");
    if (stage.needsInputGradient()) {
      Launches.packColumns(java, classes, dz, Scratch.B, "cols", co);
      Launches.gemmStore(java, classes, Scratch.W, Scratch.B, kk, "cols", co, Scratch.C.read(), "0", "cols", "0");
      long rows = (long) groupIn * h; // input rows per image (of the group's channels)
      java.addStatement("p.each($L, (long) count * $L)", inGroup(col2im.launch().bind("col", Scratch.C)
          .bind("dx", gradOut).bind("n0", "n0").bind("rows", "(long) count * " + rows).bind("cols", "cols"))
          .code(classes), rows);
    }
    java.endControlFlow();
    closeGroups(java);
  }

  @Override
  public void scratch(ScratchSizes sizes) {
    Extent cols = new ChunkColumns(kk * pixels, pixels);
    Extent patch = fixed(kk);
    Extent channels = fixed(groupOut);
    sizes.need(Scratch.W, new RowStrips(channels, patch));
    sizes.need(Scratch.B, new ColumnStrips(cols, patch));
    if (stage.needsBackward()) {
      sizes.need(Scratch.A, new RowStrips(channels, cols));
      sizes.need(Scratch.B, new ColumnStrips(patch, cols));
    }
    if (stage.needsInputGradient()) {
      sizes.need(Scratch.W, new RowStrips(patch, channels));
      sizes.need(Scratch.B, new ColumnStrips(cols, channels));
      sizes.need(Scratch.C, new Matrix(patch, cols));
    }
  }
}
