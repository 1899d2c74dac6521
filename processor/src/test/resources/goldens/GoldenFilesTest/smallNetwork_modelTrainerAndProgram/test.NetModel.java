package test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;
import netforge.annotations.Layer;
import netforge.runtime.Device;
import netforge.runtime.Model;
import netforge.runtime.ModelType;
import netforge.runtime.cl.ClBuffer;
import netforge.runtime.cl.ClKernel;
import netforge.runtime.internal.Engine;
import netforge.runtime.internal.LaunchSequence;
import netforge.runtime.internal.Pass;
import netforge.runtime.kernel.ColumnPackArguments;
import netforge.runtime.kernel.GemmArguments;
import netforge.runtime.kernel.KernelArguments;
import netforge.runtime.kernel.SharedKernelArguments;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.tuning.Tunables;

/**
 * The network declared by {@link Net}, with every shape checked and inferred at compile time.
 *
 * <pre>{@code
 * Net: input [1, 28, 28], 10 classes
 * Layer  Annotations                         Output shape  Parameters  Cumulative  MFLOPs
 * ---------------------------------------------------------------------------------------
 * c1     @Conv(out = 4, k = 3, p = 1) @ReLU  [4, 28, 28]           40          40     0.1
 * norm   @LRN(size = 3)                      [4, 28, 28]            0          40       -
 * s2     @Dropout(0.5) @MaxPool(k = 2)       [4, 14, 14]            0          40       -
 * pool   @AdaptiveAvgPool(h = 3, w = 3)      [4, 3, 3]              0          40       -
 * fc     @Dense(out = 16) @ReLU              [16]                 592         632     0.0
 * out    @Dense(out = 10)                    [10]                 170         802     0.0
 * Total parameters: 802 (0.0 MB as float32)
 * Forward: 0.000 GFLOPs per image (2 x multiply-accumulates of convolutions and dense layers)
 * }</pre>
 */
@Generated(
    value = "netforge.processor.NetworkProcessor",
    comments = "from test.Net"
)
public final class NetModel extends Net implements Model {
  /**
   * Channels of one input image.
   */
  public static final int INPUT_CHANNELS = 1;

  /**
   * Height of one input image.
   */
  public static final int INPUT_HEIGHT = 28;

  /**
   * Width of one input image.
   */
  public static final int INPUT_WIDTH = 28;

  /**
   * Number of classes: the width of the logits.
   */
  public static final int CLASSES = 10;

  /**
   * Trainable parameters.
   */
  public static final long PARAMETERS = 802L;

  /**
   * Forward FLOPs per image: 2 x multiply-accumulates of convolutions and dense layers.
   */
  public static final long FORWARD_FLOPS = 57920L;

  /**
   * Output channels of {@code c1}: {@code @Conv(out = 4, k = 3, p = 1) @ReLU} -&gt; [4, 28, 28]
   */
  public static final int C1_CHANNELS = 4;

  /**
   * Output height of {@code c1}: {@code @Conv(out = 4, k = 3, p = 1) @ReLU} -&gt; [4, 28, 28]
   */
  public static final int C1_HEIGHT = 28;

  /**
   * Output width of {@code c1}: {@code @Conv(out = 4, k = 3, p = 1) @ReLU} -&gt; [4, 28, 28]
   */
  public static final int C1_WIDTH = 28;

  /**
   * Parameters of {@code c1}: {@code @Conv(out = 4, k = 3, p = 1) @ReLU} -&gt; [4, 28, 28]
   */
  public static final long C1_PARAMETERS = 40L;

  /**
   * Output channels of {@code norm}: {@code @LRN(size = 3)} -&gt; [4, 28, 28]
   */
  public static final int NORM_CHANNELS = 4;

  /**
   * Output height of {@code norm}: {@code @LRN(size = 3)} -&gt; [4, 28, 28]
   */
  public static final int NORM_HEIGHT = 28;

  /**
   * Output width of {@code norm}: {@code @LRN(size = 3)} -&gt; [4, 28, 28]
   */
  public static final int NORM_WIDTH = 28;

  /**
   * Parameters of {@code norm}: {@code @LRN(size = 3)} -&gt; [4, 28, 28]
   */
  public static final long NORM_PARAMETERS = 0L;

  /**
   * Output channels of {@code s2}: {@code @Dropout(0.5) @MaxPool(k = 2)} -&gt; [4, 14, 14]
   */
  public static final int S2_CHANNELS = 4;

  /**
   * Output height of {@code s2}: {@code @Dropout(0.5) @MaxPool(k = 2)} -&gt; [4, 14, 14]
   */
  public static final int S2_HEIGHT = 14;

  /**
   * Output width of {@code s2}: {@code @Dropout(0.5) @MaxPool(k = 2)} -&gt; [4, 14, 14]
   */
  public static final int S2_WIDTH = 14;

  /**
   * Parameters of {@code s2}: {@code @Dropout(0.5) @MaxPool(k = 2)} -&gt; [4, 14, 14]
   */
  public static final long S2_PARAMETERS = 0L;

  /**
   * Output channels of {@code pool}: {@code @AdaptiveAvgPool(h = 3, w = 3)} -&gt; [4, 3, 3]
   */
  public static final int POOL_CHANNELS = 4;

  /**
   * Output height of {@code pool}: {@code @AdaptiveAvgPool(h = 3, w = 3)} -&gt; [4, 3, 3]
   */
  public static final int POOL_HEIGHT = 3;

  /**
   * Output width of {@code pool}: {@code @AdaptiveAvgPool(h = 3, w = 3)} -&gt; [4, 3, 3]
   */
  public static final int POOL_WIDTH = 3;

  /**
   * Parameters of {@code pool}: {@code @AdaptiveAvgPool(h = 3, w = 3)} -&gt; [4, 3, 3]
   */
  public static final long POOL_PARAMETERS = 0L;

  /**
   * Output features of {@code fc}: {@code @Dense(out = 16) @ReLU} -&gt; [16]
   */
  public static final int FC_FEATURES = 16;

  /**
   * Parameters of {@code fc}: {@code @Dense(out = 16) @ReLU} -&gt; [16]
   */
  public static final long FC_PARAMETERS = 592L;

  /**
   * Output features of {@code out}: {@code @Dense(out = 10)} -&gt; [10]
   */
  public static final int OUT_FEATURES = 10;

  /**
   * Parameters of {@code out}: {@code @Dense(out = 10)} -&gt; [10]
   */
  public static final long OUT_PARAMETERS = 170L;

  /**
   * The network as the processor inferred it, for the runtime and tools.
   */
  public static final NetworkSpec SPEC = new NetworkSpec("Net", new int[] {1, 28, 28}, 10, List.of(
    new LayerSpec("c1", "@Conv(out = 4, k = 3, p = 1) @ReLU", List.of(new netforge.runtime.spec.OpSpec.Conv(4, 3, 3, 1, 1, true), new netforge.runtime.spec.OpSpec.Relu()), new int[] {1, 28, 28}, new int[] {4, 28, 28}, 40L, 56448L),
    new LayerSpec("norm", "@LRN(size = 3)", List.of(new netforge.runtime.spec.OpSpec.Lrn(3, 1.0E-4, 0.75, 2.0)), new int[] {4, 28, 28}, new int[] {4, 28, 28}, 0L, 0L),
    new LayerSpec("s2", "@Dropout(0.5) @MaxPool(k = 2)", List.of(new netforge.runtime.spec.OpSpec.Dropout(0.5), new netforge.runtime.spec.OpSpec.Pool(true, 2, 2, 0)), new int[] {4, 28, 28}, new int[] {4, 14, 14}, 0L, 0L),
    new LayerSpec("pool", "@AdaptiveAvgPool(h = 3, w = 3)", List.of(new netforge.runtime.spec.OpSpec.AdaptiveAvgPool(3, 3)), new int[] {4, 14, 14}, new int[] {4, 3, 3}, 0L, 0L),
    new LayerSpec("fc", "@Dense(out = 16) @ReLU", List.of(new netforge.runtime.spec.OpSpec.Dense(16, true), new netforge.runtime.spec.OpSpec.Relu()), new int[] {4, 3, 3}, new int[] {16}, 592L, 1152L),
    new LayerSpec("out", "@Dense(out = 10)", List.of(new netforge.runtime.spec.OpSpec.Dense(10, true)), new int[] {16}, new int[] {10}, 170L, 320L)
  ), List.of(
    new ParamSpec("c1.weight", new int[] {4, 1, 3, 3}, 0L, 9),
    new ParamSpec("c1.bias", new int[] {4}, 36L, 9),
    new ParamSpec("fc.weight", new int[] {16, 36}, 40L, 36),
    new ParamSpec("fc.bias", new int[] {16}, 616L, 36),
    new ParamSpec("out.weight", new int[] {10, 16}, 632L, 16),
    new ParamSpec("out.bias", new int[] {10}, 792L, 16)
  ));

  private static final String SUMMARY = "Net: input [1, 28, 28], 10 classes\n"
      + "Layer  Annotations                         Output shape  Parameters  Cumulative  MFLOPs\n"
      + "---------------------------------------------------------------------------------------\n"
      + "c1     @Conv(out = 4, k = 3, p = 1) @ReLU  [4, 28, 28]           40          40     0.1\n"
      + "norm   @LRN(size = 3)                      [4, 28, 28]            0          40       -\n"
      + "s2     @Dropout(0.5) @MaxPool(k = 2)       [4, 14, 14]            0          40       -\n"
      + "pool   @AdaptiveAvgPool(h = 3, w = 3)      [4, 3, 3]              0          40       -\n"
      + "fc     @Dense(out = 16) @ReLU              [16]                 592         632     0.0\n"
      + "out    @Dense(out = 10)                    [10]                 170         802     0.0\n"
      + "Total parameters: 802 (0.0 MB as float32)\n"
      + "Forward: 0.000 GFLOPs per image (2 x multiply-accumulates of convolutions and dense layers)\n";

  private static final List<Layer> LAYERS = List.copyOf(SPEC.layers());

  /**
   * This network for tools that take it by name, e.g. the command line's {@code --network test.Net}.
   */
  public static final ModelType<NetModel> TYPE = new ModelType<>(NetModel.class, SPEC, SUMMARY, NetModel::create);

  private final Engine engine;

  /**
   * A description of the network without a device: shapes, parameter counts, the summary.
   * Use {@link #create} to run it.
   */
  public NetModel() {
    fillLayerFields();
    this.engine = null;
  }

  private NetModel(Engine engine) {
    fillLayerFields();
    this.engine = engine;
  }

  /**
   * The per-layer table: output shape, parameters, cumulative parameters, forward MFLOPs.
   */
  public static String summary() {
    return SUMMARY;
  }

  /**
   * Every layer field, in source order, as inferred at compile time.
   */
  public static List<Layer> layers() {
    return LAYERS;
  }

  private void fillLayerFields() {
    super.c1 = LAYERS.get(0);
    super.norm = LAYERS.get(1);
    super.s2 = LAYERS.get(2);
    super.pool = LAYERS.get(3);
    super.fc = LAYERS.get(4);
    super.out = LAYERS.get(5);
  }

  /**
   * The network on {@code device}, its parameters initialised as PyTorch initialises them,
   * reproducibly from {@code seed} (which also keys dropout).
   */
  public static NetModel create(Device device, long seed) {
    return new NetModel(new Engine(device, SPEC, new Launches(), NetModel.class, seed));
  }

  /**
   * As {@link #create(Device, long)}, with the kernels' tunable parameters chosen by the caller.
   */
  public static NetModel create(Device device, long seed, Tunables tunables) {
    return new NetModel(new Engine(device, SPEC, new Launches(), NetModel.class, seed, tunables));
  }

  @Override
  public NetworkSpec spec() {
    return SPEC;
  }

  @Override
  public Engine engine() {
    if (engine == null) {
      throw new IllegalStateException("this NetModel only describes the network; create one on a device with NetModel.create(device, seed) to run it");
    }
    return engine;
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }

  /**
   * The fixed launch sequence of the kernels in {@code NetModel.cl}.
   */
  private static final class Launches implements LaunchSequence {
    @Override
    public String programResource() {
      return "NetModel.cl";
    }

    @Override
    public String sectionMarker() {
      return "// ---- ";
    }

    @Override
    public String logits() {
      return "act06";
    }

    @Override
    public List<String> stageLayers() {
      return List.of("c1", "norm", "s2", "pool", "fc", "out");
    }

    @Override
    public List<String> stageOutputs() {
      return List.of("act01", "act02", "act03", "act04", "act05", "act06");
    }

    @Override
    public Map<String, Long> buffers(int batch, Tunables t) {
      Map<String, Long> b = new LinkedHashMap<>();
      b.put(LaunchSequence.INPUT, (long) batch * 784L);
      b.put("act01", (long) batch * 3136L);
      b.put("act02", (long) batch * 3136L);
      b.put("act03", (long) batch * 784L);
      b.put("argmax03", (long) batch * 196L);
      b.put("act04", (long) batch * 36L);
      b.put("act05", (long) batch * 16L);
      b.put("act06", (long) batch * 10L);
      b.put("gradA", (long) batch * 3136L);
      b.put("gradB", (long) batch * 3136L);
      b.put("scratchA", Pass.largest(
            Pass.strips(4, t.tm()) * t.tm() * (long) Pass.chunkFor(t, batch, 7056L) * 784,
            Pass.strips(16, t.tm()) * t.tm() * (long) batch,
            Pass.strips(batch, t.tm()) * t.tm() * 16L,
            Pass.strips(10, t.tm()) * t.tm() * (long) batch,
            Pass.strips(batch, t.tm()) * t.tm() * 10L));
      b.put("scratchB", Pass.largest(
            Pass.strips((long) Pass.chunkFor(t, batch, 7056L) * 784, t.tn()) * t.tn() * 9L,
            Pass.strips(9, t.tn()) * t.tn() * (long) Pass.chunkFor(t, batch, 7056L) * 784,
            Pass.strips(batch, t.tn()) * t.tn() * 36L,
            Pass.strips(36, t.tn()) * t.tn() * (long) batch,
            Pass.strips(batch, t.tn()) * t.tn() * 16L,
            Pass.strips(16, t.tn()) * t.tn() * (long) batch));
      b.put("scratchW", Pass.largest(
            Pass.strips(4, t.tm()) * t.tm() * 9L,
            (long) Pass.columnsPerPack(t, 36, 16) * 16L,
            (long) Pass.columnsPerPack(t, 16, 10) * 10L));
      b.put("scratchC", Pass.largest());
      b.put(LaunchSequence.LABELS, (long) batch);
      b.put(LaunchSequence.ROW_LOSS, (long) batch);
      b.put(LaunchSequence.ROW_PRED, (long) batch);
      return b;
    }

    /**
     * Stage 1, c1: Conv relu -> [4, 28, 28].
     */
    private static void forward01(Pass p) {
      p.scope("f01 c1");
      int chunk = p.chunk(7056L);
      p.packRows(new SharedKernelArguments.PackRows(p.kernel("nf_pack_rows")).src(p.params()).ap(p.buffer("scratchW")).offset(0L).rowStride(9).grp(1).grpStride(1).colStride(0), 4, 9);
      for (int n0 = 0; n0 < p.batch(); n0 += chunk) {
        int cols = Math.min(chunk, p.batch() - n0) * 784;
        p.packColumns(new ChunkColumnsArguments(p.kernel("net_f01_im2col")).src(p.buffer(LaunchSequence.INPUT)).bp(p.buffer("scratchB")).n0(n0), cols, 9);
        p.gemm(new ConvGemmArguments(p.kernel("net_f01_conv_bias_relu")).ap(p.buffer("scratchW")).bp(p.buffer("scratchB")).out(p.buffer("act01")).params(p.params()).n0(n0).training(p.training()).seed(p.seed()).step(p.step()), 4, cols, 9);
      }
    }

    /**
     * Stage 2, norm: LRN dropout -> [4, 28, 28].
     */
    private static void forward02(Pass p) {
      p.scope("f02 norm");
      p.each(new PointwiseForwardArguments(p.kernel("net_f02_lrn_dropout")).x(p.buffer("act01")).out(p.buffer("act02")).count((long) p.batch() * 3136).training(p.training()).seed(p.seed()).step(p.step()), (long) p.batch() * 3136);
    }

    /**
     * Stage 3, s2: MaxPool -> [4, 14, 14].
     */
    private static void forward03(Pass p) {
      p.scope("f03 s2");
      p.each(new PoolForwardArguments(p.kernel("net_f03_maxpool")).x(p.buffer("act02")).out(p.buffer("act03")).argmax(p.buffer("argmax03")).rows((long) p.batch() * 56).training(p.training()).seed(p.seed()).step(p.step()), (long) p.batch() * 56);
    }

    /**
     * Stage 4, pool: AdaptiveAvgPool -> [4, 3, 3].
     */
    private static void forward04(Pass p) {
      p.scope("f04 pool");
      p.each(new PointwiseForwardArguments(p.kernel("net_f04_adaptive_avgpool")).x(p.buffer("act03")).out(p.buffer("act04")).count((long) p.batch() * 36).training(p.training()).seed(p.seed()).step(p.step()), (long) p.batch() * 36);
    }

    /**
     * Stage 5, fc: Dense relu -> [16].
     */
    private static void forward05(Pass p) {
      p.scope("f05 fc");
      p.packColumns(new SharedKernelArguments.PackColumns(p.kernel("nf_pack_columns")).src(p.buffer("act04")).bp(p.buffer("scratchB")).offset(0).rowStride(1).grp(1).grpStride(36).colStride(0), p.batch(), 36);
      p.gemm(new DenseGemmArguments(p.kernel("net_f05_dense_bias_relu")).ap(p.params()).bp(p.buffer("scratchB")).out(p.buffer("act05")).params(p.params()).training(p.training()).seed(p.seed()).step(p.step()), 16, p.batch(), 36);
    }

    /**
     * Stage 6, out: Dense -> [10].
     */
    private static void forward06(Pass p) {
      p.scope("f06 out");
      p.packColumns(new SharedKernelArguments.PackColumns(p.kernel("nf_pack_columns")).src(p.buffer("act05")).bp(p.buffer("scratchB")).offset(0).rowStride(1).grp(1).grpStride(16).colStride(0), p.batch(), 16);
      p.gemm(new DenseGemmArguments(p.kernel("net_f06_dense_bias")).ap(p.params()).bp(p.buffer("scratchB")).out(p.buffer("act06")).params(p.params()).training(p.training()).seed(p.seed()).step(p.step()), 10, p.batch(), 16);
    }

    /**
     * Backward through stage 6, out: reads gradA, writes parameter gradients and dX into gradB.
     */
    private static void backward06(Pass p) {
      p.scope("b06 out");
      p.each(new MaskBiasArguments(p.kernel("net_b06_mask_bias")).dy(p.buffer("gradA")).y(p.buffer("act06")).grads(p.grads()).batch(p.batch()).training(p.training()).seed(p.seed()).step(p.step()), 10);
      p.packRows(new SharedKernelArguments.PackRows(p.kernel("nf_pack_rows")).src(p.buffer("gradA")).ap(p.buffer("scratchA")).offset(0).rowStride(1).grp(1).grpStride(10).colStride(0), 10, p.batch());
      p.packColumns(new SharedKernelArguments.PackColumns(p.kernel("nf_pack_columns")).src(p.buffer("act05")).bp(p.buffer("scratchB")).offset(0).rowStride(16).grp(1).grpStride(1).colStride(0), 16, p.batch());
      p.gemm(new SharedKernelArguments.GemmStore(p.kernel("nf_gemm_store")).ap(p.buffer("scratchA")).bp(p.buffer("scratchB")).c(p.grads()).offset(632L).ldc(16).accumulate(0), 10, 16, p.batch());
      p.packRows(new SharedKernelArguments.PackRows(p.kernel("nf_pack_rows")).src(p.buffer("gradA")).ap(p.buffer("scratchA")).offset(0).rowStride(10).grp(1).grpStride(1).colStride(0), p.batch(), 10);
      int columns = p.columnsPerPack(16, 10);
      for (int n0 = 0; n0 < 16; n0 += columns) {
        int count = Math.min(columns, 16 - n0);
        p.packColumns(new SharedKernelArguments.PackColumns(p.kernel("nf_pack_columns")).src(p.params()).bp(p.buffer("scratchW")).offset(632L + n0).rowStride(16).grp(1).grpStride(1).colStride(0), count, 10);
        p.gemm(new SharedKernelArguments.GemmStore(p.kernel("nf_gemm_store")).ap(p.buffer("scratchA")).bp(p.buffer("scratchW")).c(p.buffer("gradB")).offset(n0).ldc(16).accumulate(0), p.batch(), count, 10);
      }
    }

    /**
     * Backward through stage 5, fc: reads gradB, writes parameter gradients and dX into gradA.
     */
    private static void backward05(Pass p) {
      p.scope("b05 fc");
      p.each(new MaskBiasArguments(p.kernel("net_b05_mask_bias")).dy(p.buffer("gradB")).y(p.buffer("act05")).grads(p.grads()).batch(p.batch()).training(p.training()).seed(p.seed()).step(p.step()), 16);
      p.packRows(new SharedKernelArguments.PackRows(p.kernel("nf_pack_rows")).src(p.buffer("gradB")).ap(p.buffer("scratchA")).offset(0).rowStride(1).grp(1).grpStride(16).colStride(0), 16, p.batch());
      p.packColumns(new SharedKernelArguments.PackColumns(p.kernel("nf_pack_columns")).src(p.buffer("act04")).bp(p.buffer("scratchB")).offset(0).rowStride(36).grp(1).grpStride(1).colStride(0), 36, p.batch());
      p.gemm(new SharedKernelArguments.GemmStore(p.kernel("nf_gemm_store")).ap(p.buffer("scratchA")).bp(p.buffer("scratchB")).c(p.grads()).offset(40L).ldc(36).accumulate(0), 16, 36, p.batch());
      p.packRows(new SharedKernelArguments.PackRows(p.kernel("nf_pack_rows")).src(p.buffer("gradB")).ap(p.buffer("scratchA")).offset(0).rowStride(16).grp(1).grpStride(1).colStride(0), p.batch(), 16);
      int columns = p.columnsPerPack(36, 16);
      for (int n0 = 0; n0 < 36; n0 += columns) {
        int count = Math.min(columns, 36 - n0);
        p.packColumns(new SharedKernelArguments.PackColumns(p.kernel("nf_pack_columns")).src(p.params()).bp(p.buffer("scratchW")).offset(40L + n0).rowStride(36).grp(1).grpStride(1).colStride(0), count, 16);
        p.gemm(new SharedKernelArguments.GemmStore(p.kernel("nf_gemm_store")).ap(p.buffer("scratchA")).bp(p.buffer("scratchW")).c(p.buffer("gradA")).offset(n0).ldc(36).accumulate(0), p.batch(), count, 16);
      }
    }

    /**
     * Backward through stage 4, pool: reads gradA, writes parameter gradients and dX into gradB.
     */
    private static void backward04(Pass p) {
      p.scope("b04 pool");
      p.each(new GatherBackwardArguments(p.kernel("net_b04_adaptive_avgpool")).dy(p.buffer("gradA")).y(p.buffer("act04")).dx(p.buffer("gradB")).count((long) p.batch() * 784).training(p.training()).seed(p.seed()).step(p.step()), (long) p.batch() * 784);
    }

    /**
     * Backward through stage 3, s2: reads gradB, writes parameter gradients and dX into gradA.
     */
    private static void backward03(Pass p) {
      p.scope("b03 s2");
      p.each(new PoolBackwardArguments(p.kernel("net_b03_maxpool")).dy(p.buffer("gradB")).y(p.buffer("act03")).argmax(p.buffer("argmax03")).dx(p.buffer("gradA")).rows((long) p.batch() * 112).training(p.training()).seed(p.seed()).step(p.step()), (long) p.batch() * 112);
    }

    /**
     * Backward through stage 2, norm: reads gradA, writes parameter gradients and dX into gradB.
     */
    private static void backward02(Pass p) {
      p.scope("b02 norm");
      p.each(new LrnBackwardArguments(p.kernel("net_b02_lrn")).dy(p.buffer("gradA")).y(p.buffer("act02")).x(p.buffer("act01")).dx(p.buffer("gradB")).count((long) p.batch() * 3136).training(p.training()).seed(p.seed()).step(p.step()), (long) p.batch() * 3136);
    }

    /**
     * Backward through stage 1, c1: reads gradB, writes parameter gradients.
     */
    private static void backward01(Pass p) {
      p.scope("b01 c1");
      p.each(new MaskBiasArguments(p.kernel("net_b01_mask_bias")).dy(p.buffer("gradB")).y(p.buffer("act01")).grads(p.grads()).batch(p.batch()).training(p.training()).seed(p.seed()).step(p.step()), 4);
      int chunk = p.chunk(7056L);
      for (int n0 = 0; n0 < p.batch(); n0 += chunk) {
        int count = Math.min(chunk, p.batch() - n0);
        int cols = count * 784;
        p.packRows(new SharedKernelArguments.PackRows(p.kernel("nf_pack_rows")).src(p.buffer("gradB")).ap(p.buffer("scratchA")).offset(n0 * 3136L).rowStride(784).grp(784).grpStride(3136L).colStride(1), 4, cols);
        p.packColumns(new ChunkColumnsArguments(p.kernel("net_b01_pack_cols")).src(p.buffer(LaunchSequence.INPUT)).bp(p.buffer("scratchB")).n0(n0), 9, cols);
        p.gemm(new SharedKernelArguments.GemmStore(p.kernel("nf_gemm_store")).ap(p.buffer("scratchA")).bp(p.buffer("scratchB")).c(p.grads()).offset(0L).ldc(9).accumulate(n0 > 0 ? 1 : 0), 4, 9, cols);
      }
    }

    @Override
    public void forward(Pass p) {
      forward01(p);
      forward02(p);
      forward03(p);
      forward04(p);
      forward05(p);
      forward06(p);
    }

    @Override
    public void loss(Pass p) {
      p.scope("loss");
      p.each(new LossArguments(p.kernel("net_softmax_cross_entropy")).logits(p.buffer("act06")).labels(p.buffer(LaunchSequence.LABELS)).dlogits(p.buffer("gradA")).rowLoss(p.buffer(LaunchSequence.ROW_LOSS)).rowPred(p.buffer(LaunchSequence.ROW_PRED)).batch(p.batch()), p.batch());
    }

    @Override
    public void backward(Pass p) {
      backward06(p);
      backward05(p);
      backward04(p);
      backward03(p);
      backward02(p);
      backward01(p);
    }

    @Override
    public void trainingStep(Pass p, Runnable update) {
      forward(p);
      loss(p);
      backward(p);
      p.scope("optimizer");
      update.run();
    }

    /**
     * Arguments of {@code (src, bp, n_cols, k_depth, n0)}, by name.
     */
    private static final class ChunkColumnsArguments extends KernelArguments implements ColumnPackArguments {
      ChunkColumnsArguments(ClKernel kernel) {
        super(kernel);
      }

      ChunkColumnsArguments src(ClBuffer value) {
        kernel.set(0, value);
        return this;
      }

      ChunkColumnsArguments bp(ClBuffer value) {
        kernel.set(1, value);
        return this;
      }

      @Override
      public ChunkColumnsArguments nCols(int value) {
        kernel.set(2, value);
        return this;
      }

      @Override
      public ChunkColumnsArguments kDepth(int value) {
        kernel.set(3, value);
        return this;
      }

      ChunkColumnsArguments n0(int value) {
        kernel.set(4, value);
        return this;
      }
    }

    /**
     * Arguments of {@code (ap, bp, m_rows, n_cols, k_depth, n_fastest, out, params, n0, training, seed, step)}, by name.
     */
    private static final class ConvGemmArguments extends KernelArguments implements GemmArguments {
      ConvGemmArguments(ClKernel kernel) {
        super(kernel);
      }

      ConvGemmArguments ap(ClBuffer value) {
        kernel.set(0, value);
        return this;
      }

      ConvGemmArguments bp(ClBuffer value) {
        kernel.set(1, value);
        return this;
      }

      @Override
      public ConvGemmArguments mRows(int value) {
        kernel.set(2, value);
        return this;
      }

      @Override
      public ConvGemmArguments nCols(int value) {
        kernel.set(3, value);
        return this;
      }

      @Override
      public ConvGemmArguments kDepth(int value) {
        kernel.set(4, value);
        return this;
      }

      @Override
      public ConvGemmArguments nFastest(int value) {
        kernel.set(5, value);
        return this;
      }

      ConvGemmArguments out(ClBuffer value) {
        kernel.set(6, value);
        return this;
      }

      ConvGemmArguments params(ClBuffer value) {
        kernel.set(7, value);
        return this;
      }

      ConvGemmArguments n0(int value) {
        kernel.set(8, value);
        return this;
      }

      ConvGemmArguments training(int value) {
        kernel.set(9, value);
        return this;
      }

      ConvGemmArguments seed(long value) {
        kernel.set(10, value);
        return this;
      }

      ConvGemmArguments step(int value) {
        kernel.set(11, value);
        return this;
      }
    }

    /**
     * Arguments of {@code (x, out, count, training, seed, step)}, by name.
     */
    private static final class PointwiseForwardArguments extends KernelArguments {
      PointwiseForwardArguments(ClKernel kernel) {
        super(kernel);
      }

      PointwiseForwardArguments x(ClBuffer value) {
        kernel.set(0, value);
        return this;
      }

      PointwiseForwardArguments out(ClBuffer value) {
        kernel.set(1, value);
        return this;
      }

      PointwiseForwardArguments count(long value) {
        kernel.set(2, value);
        return this;
      }

      PointwiseForwardArguments training(int value) {
        kernel.set(3, value);
        return this;
      }

      PointwiseForwardArguments seed(long value) {
        kernel.set(4, value);
        return this;
      }

      PointwiseForwardArguments step(int value) {
        kernel.set(5, value);
        return this;
      }
    }

    /**
     * Arguments of {@code (x, out, argmax, rows, training, seed, step)}, by name.
     */
    private static final class PoolForwardArguments extends KernelArguments {
      PoolForwardArguments(ClKernel kernel) {
        super(kernel);
      }

      PoolForwardArguments x(ClBuffer value) {
        kernel.set(0, value);
        return this;
      }

      PoolForwardArguments out(ClBuffer value) {
        kernel.set(1, value);
        return this;
      }

      PoolForwardArguments argmax(ClBuffer value) {
        kernel.set(2, value);
        return this;
      }

      PoolForwardArguments rows(long value) {
        kernel.set(3, value);
        return this;
      }

      PoolForwardArguments training(int value) {
        kernel.set(4, value);
        return this;
      }

      PoolForwardArguments seed(long value) {
        kernel.set(5, value);
        return this;
      }

      PoolForwardArguments step(int value) {
        kernel.set(6, value);
        return this;
      }
    }

    /**
     * Arguments of {@code (ap, bp, m_rows, n_cols, k_depth, n_fastest, out, params, training, seed, step)}, by name.
     */
    private static final class DenseGemmArguments extends KernelArguments implements GemmArguments {
      DenseGemmArguments(ClKernel kernel) {
        super(kernel);
      }

      DenseGemmArguments ap(ClBuffer value) {
        kernel.set(0, value);
        return this;
      }

      DenseGemmArguments bp(ClBuffer value) {
        kernel.set(1, value);
        return this;
      }

      @Override
      public DenseGemmArguments mRows(int value) {
        kernel.set(2, value);
        return this;
      }

      @Override
      public DenseGemmArguments nCols(int value) {
        kernel.set(3, value);
        return this;
      }

      @Override
      public DenseGemmArguments kDepth(int value) {
        kernel.set(4, value);
        return this;
      }

      @Override
      public DenseGemmArguments nFastest(int value) {
        kernel.set(5, value);
        return this;
      }

      DenseGemmArguments out(ClBuffer value) {
        kernel.set(6, value);
        return this;
      }

      DenseGemmArguments params(ClBuffer value) {
        kernel.set(7, value);
        return this;
      }

      DenseGemmArguments training(int value) {
        kernel.set(8, value);
        return this;
      }

      DenseGemmArguments seed(long value) {
        kernel.set(9, value);
        return this;
      }

      DenseGemmArguments step(int value) {
        kernel.set(10, value);
        return this;
      }
    }

    /**
     * Arguments of {@code (dy, y, grads, batch, training, seed, step)}, by name.
     */
    private static final class MaskBiasArguments extends KernelArguments {
      MaskBiasArguments(ClKernel kernel) {
        super(kernel);
      }

      MaskBiasArguments dy(ClBuffer value) {
        kernel.set(0, value);
        return this;
      }

      MaskBiasArguments y(ClBuffer value) {
        kernel.set(1, value);
        return this;
      }

      MaskBiasArguments grads(ClBuffer value) {
        kernel.set(2, value);
        return this;
      }

      MaskBiasArguments batch(int value) {
        kernel.set(3, value);
        return this;
      }

      MaskBiasArguments training(int value) {
        kernel.set(4, value);
        return this;
      }

      MaskBiasArguments seed(long value) {
        kernel.set(5, value);
        return this;
      }

      MaskBiasArguments step(int value) {
        kernel.set(6, value);
        return this;
      }
    }

    /**
     * Arguments of {@code (dy, y, dx, count, training, seed, step)}, by name.
     */
    private static final class GatherBackwardArguments extends KernelArguments {
      GatherBackwardArguments(ClKernel kernel) {
        super(kernel);
      }

      GatherBackwardArguments dy(ClBuffer value) {
        kernel.set(0, value);
        return this;
      }

      GatherBackwardArguments y(ClBuffer value) {
        kernel.set(1, value);
        return this;
      }

      GatherBackwardArguments dx(ClBuffer value) {
        kernel.set(2, value);
        return this;
      }

      GatherBackwardArguments count(long value) {
        kernel.set(3, value);
        return this;
      }

      GatherBackwardArguments training(int value) {
        kernel.set(4, value);
        return this;
      }

      GatherBackwardArguments seed(long value) {
        kernel.set(5, value);
        return this;
      }

      GatherBackwardArguments step(int value) {
        kernel.set(6, value);
        return this;
      }
    }

    /**
     * Arguments of {@code (dy, y, argmax, dx, rows, training, seed, step)}, by name.
     */
    private static final class PoolBackwardArguments extends KernelArguments {
      PoolBackwardArguments(ClKernel kernel) {
        super(kernel);
      }

      PoolBackwardArguments dy(ClBuffer value) {
        kernel.set(0, value);
        return this;
      }

      PoolBackwardArguments y(ClBuffer value) {
        kernel.set(1, value);
        return this;
      }

      PoolBackwardArguments argmax(ClBuffer value) {
        kernel.set(2, value);
        return this;
      }

      PoolBackwardArguments dx(ClBuffer value) {
        kernel.set(3, value);
        return this;
      }

      PoolBackwardArguments rows(long value) {
        kernel.set(4, value);
        return this;
      }

      PoolBackwardArguments training(int value) {
        kernel.set(5, value);
        return this;
      }

      PoolBackwardArguments seed(long value) {
        kernel.set(6, value);
        return this;
      }

      PoolBackwardArguments step(int value) {
        kernel.set(7, value);
        return this;
      }
    }

    /**
     * Arguments of {@code (dy, y, x, dx, count, training, seed, step)}, by name.
     */
    private static final class LrnBackwardArguments extends KernelArguments {
      LrnBackwardArguments(ClKernel kernel) {
        super(kernel);
      }

      LrnBackwardArguments dy(ClBuffer value) {
        kernel.set(0, value);
        return this;
      }

      LrnBackwardArguments y(ClBuffer value) {
        kernel.set(1, value);
        return this;
      }

      LrnBackwardArguments x(ClBuffer value) {
        kernel.set(2, value);
        return this;
      }

      LrnBackwardArguments dx(ClBuffer value) {
        kernel.set(3, value);
        return this;
      }

      LrnBackwardArguments count(long value) {
        kernel.set(4, value);
        return this;
      }

      LrnBackwardArguments training(int value) {
        kernel.set(5, value);
        return this;
      }

      LrnBackwardArguments seed(long value) {
        kernel.set(6, value);
        return this;
      }

      LrnBackwardArguments step(int value) {
        kernel.set(7, value);
        return this;
      }
    }

    /**
     * Arguments of {@code (logits, labels, dlogits, row_loss, row_pred, batch)}, by name.
     */
    private static final class LossArguments extends KernelArguments {
      LossArguments(ClKernel kernel) {
        super(kernel);
      }

      LossArguments logits(ClBuffer value) {
        kernel.set(0, value);
        return this;
      }

      LossArguments labels(ClBuffer value) {
        kernel.set(1, value);
        return this;
      }

      LossArguments dlogits(ClBuffer value) {
        kernel.set(2, value);
        return this;
      }

      LossArguments rowLoss(ClBuffer value) {
        kernel.set(3, value);
        return this;
      }

      LossArguments rowPred(ClBuffer value) {
        kernel.set(4, value);
        return this;
      }

      LossArguments batch(int value) {
        kernel.set(5, value);
        return this;
      }
    }
  }
}
