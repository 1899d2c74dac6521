package netforge.examples.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netforge.runtime.internal.DropoutMask;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.NetworkState;
import netforge.runtime.spec.OpSpec;
import netforge.runtime.spec.ParamSpec;
import netforge.runtime.testing.ErrorFunction;
import netforge.runtime.spec.StateSpec;

/**
 * The test oracle: every layer of the DSL, forward and backward, written the plain way in double precision,
 * straight from PyTorch's definitions, sharing nothing with the generated kernels but the dropout hash (so that
 * the same elements are dropped). Slow on purpose: loops, no tiling, no fusion.
 *
 * <p>BatchNorm in training normalises by the batch's statistics and moves the running statistics (the network's
 * state, {@link NetworkSpec#state()}) towards them; in evaluation it normalises by the running statistics. A run
 * leaves the state it computed in {@link Result#state()}.
 */
public final class ReferenceNetwork {
  private final NetworkSpec spec;
  private final double[] params;
  /** The running statistics, laid out as the spec's float state; a training run updates this copy. */
  private final double[] state;
  private final long seed;
  private final int step;
  private final boolean training;

  /**
   * The result of {@link #run}: logits, mean loss, the gradients of the mean loss, and the running statistics after
   * the pass (moved in training, as they were in evaluation).
   */
  public record Result(double[] logits, double loss, double[] gradients, double[] inputGradient, double[] state) {}

  /** A network whose BatchNorms, if any, hold PyTorch's initial running statistics (means 0, variances 1). */
  public ReferenceNetwork(NetworkSpec spec, double[] params, long seed, int step, boolean training) {
    this(spec, params, initialState(spec), seed, step, training);
  }

  /** A network whose running statistics are {@code state}, laid out as {@link NetworkState#values()}. */
  public ReferenceNetwork(NetworkSpec spec, double[] params, double[] state, long seed, int step, boolean training) {
    this.spec = spec;
    this.params = params;
    this.state = state.clone();
    this.seed = seed;
    this.step = step;
    this.training = training;
  }

  private static double[] initialState(NetworkSpec spec) {
    float[] values = NetworkState.initial(spec).values();
    double[] state = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      state[i] = values[i];
    }
    return state;
  }

  /**
   * One step of the walk: the op, its stage and epilogue position, its input and output, and where its tensors are
   * ({@code runningMean} the offset of a BatchNorm's running mean in the state, its variance following).
   */
  private record Record(OpSpec op, int[] inShape, int[] outShape, double[] in, double[] out, long weight,
      long bias, long runningMean, int key) {}

  /**
   * Forward through every layer, each reading the outputs of the layers it names (or the layer above); with
   * {@code labels}, also the loss and all gradients, summed over every reader where a layer's output feeds several.
   */
  public Result run(double[] input, int batch, int[] labels) {
    List<LayerSpec> layers = spec.layers();
    int count = layers.size();
    List<List<Integer>> sources = sources(layers);
    List<List<Record>> records = new ArrayList<>();
    double[][] outputs = new double[count][];
    int[][] shapes = new int[count][];
    List<ParamSpec> parameterList = spec.parameters();
    int paramIndex = 0;
    // The dropout key names the kernel stage, as the processor's fusion numbers them: each reduction or join opens a
    // stage; an elementwise step at the start of a field continues the stage above only when nothing else reads its
    // output (exclusive), and opens a stage of its own otherwise.
    int stage = 0;
    int position = 0;
    boolean[] exclusive = new boolean[count];
    for (int l = 0; l < count; l++) {
      LayerSpec layer = layers.get(l);
      List<Integer> from = sources.get(l);
      double[] x = from.get(0) < 0 ? input : outputs[from.get(0)];
      int[] shape = from.get(0) < 0 ? spec.inputShape() : shapes[from.get(0)];
      boolean continuesAbove = continuesAbove(l, sources);
      boolean ownStage = false;
      List<Record> steps = new ArrayList<>();
      for (OpSpec op : layer.ops()) {
        long weight = -1;
        long bias = -1;
        long runningMean = -1;
        if (op instanceof OpSpec.Conv || op instanceof OpSpec.Dense) {
          weight = parameterList.get(paramIndex++).offset();
          boolean hasBias = op instanceof OpSpec.Conv c ? c.bias() : ((OpSpec.Dense) op).bias();
          if (hasBias) {
            bias = parameterList.get(paramIndex++).offset();
          }
        } else if (op instanceof OpSpec.BatchNorm b) {
          weight = parameterList.get(paramIndex++).offset();
          bias = parameterList.get(paramIndex++).offset();
          runningMean = stateOffset(b.name() + ".running_mean");
        }
        boolean elementwise = elementwise(op);
        if (!elementwise && !(op instanceof OpSpec.Flatten)
            || elementwise && !ownStage && !(continuesAbove && l > 0 && exclusive[l - 1])) {
          stage++;
          position = 0;
          ownStage = true;
        }
        int key = DropoutMask.key(stage, position);
        if (elementwise) {
          position++;
        }
        if (op instanceof OpSpec.Add || op instanceof OpSpec.Concat) {
          List<double[]> ins = from.stream().map(i -> i < 0 ? input : outputs[i]).toList();
          List<int[]> inShapes = from.stream().map(i -> i < 0 ? spec.inputShape() : shapes[i]).toList();
          int[] outShape = joinedShape(op, inShapes);
          double[] y = join(op, ins, inShapes, batch, outShape);
          steps.add(new Record(op, shape, outShape, null, y, -1, -1, -1, key));
          x = y;
          shape = outShape;
          continue;
        }
        int[] outShape = outShape(op, shape);
        double[] y = forward(op, x, batch, shape, outShape, weight, bias, runningMean, key);
        steps.add(new Record(op, shape, outShape, x, y, weight, bias, runningMean, key));
        x = y;
        shape = outShape;
      }
      exclusive[l] = ownStage || (continuesAbove && l > 0 && exclusive[l - 1]);
      records.add(steps);
      outputs[l] = x;
      shapes[l] = shape;
    }
    double[] logits = outputs[count - 1];
    if (labels == null) {
      return new Result(logits, Double.NaN, null, null, state.clone());
    }
    int classes = spec.classes();
    double loss = 0;
    double[] g = new double[logits.length];
    for (int n = 0; n < batch; n++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, logits[n * classes + c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += Math.exp(logits[n * classes + c] - max);
      }
      double lse = max + Math.log(sum);
      loss += lse - logits[n * classes + labels[n]];
      for (int c = 0; c < classes; c++) {
        g[n * classes + c] = (Math.exp(logits[n * classes + c] - lse) - (c == labels[n] ? 1 : 0)) / batch;
      }
    }
    double[] gradients = new double[params.length];
    double[][] outputGradients = new double[count][];
    outputGradients[count - 1] = g;
    double[] inputGradient = new double[input.length];
    for (int l = count - 1; l >= 0; l--) {
      double[] gy = outputGradients[l];
      if (gy == null) {
        continue; // nothing reads this layer: its parameters get no gradient, as in PyTorch
      }
      List<Integer> from = sources.get(l);
      List<Record> steps = records.get(l);
      for (int i = steps.size() - 1; i >= 0 && gy != null; i--) {
        Record r = steps.get(i);
        if (r.op() instanceof OpSpec.Add || r.op() instanceof OpSpec.Concat) {
          int offset = 0;
          for (int source : from) {
            int[] inShape = source < 0 ? spec.inputShape() : shapes[source];
            int block = size(inShape);
            double[] part = new double[batch * block];
            int row = size(r.outShape());
            for (int n = 0; n < batch; n++) {
              for (int e = 0; e < block; e++) {
                part[n * block + e] = gy[n * row + (r.op() instanceof OpSpec.Concat ? offset : 0) + e];
              }
            }
            addGradient(source, part, outputGradients, inputGradient);
            offset += block;
          }
          gy = null;
        } else {
          gy = backward(r, gy, batch, gradients);
        }
      }
      if (gy != null) {
        addGradient(from.get(0), gy, outputGradients, inputGradient);
      }
    }
    return new Result(logits, loss / batch, gradients, inputGradient, state.clone());
  }

  private long stateOffset(String name) {
    return spec.state().stream().filter(s -> s.name().equals(name)).mapToLong(StateSpec::offset).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(spec.name() + " has no state tensor " + name));
  }

  /** Per layer, the layers it reads (-1 for the network's input). */
  private static List<List<Integer>> sources(List<LayerSpec> layers) {
    List<String> names = layers.stream().map(LayerSpec::name).toList();
    List<List<Integer>> sources = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      LayerSpec layer = layers.get(l);
      sources.add(layer.readsLayerAbove() ? List.of(l - 1) : layer.inputs().stream().map(names::indexOf).toList());
    }
    return sources;
  }

  /** Whether layer {@code l} reads only the layer above, and is that layer's only reader. */
  private static boolean continuesAbove(int l, List<List<Integer>> sources) {
    if (l == 0 || !sources.get(l).equals(List.of(l - 1))) {
      return false;
    }
    for (int other = 0; other < sources.size(); other++) {
      if (other != l && sources.get(other).contains(l - 1)) {
        return false;
      }
    }
    return true;
  }

  private static void addGradient(int source, double[] g, double[][] outputGradients, double[] inputGradient) {
    double[] target = source < 0 ? inputGradient : outputGradients[source];
    if (target == null) {
      outputGradients[source] = g.clone();
      return;
    }
    for (int i = 0; i < g.length; i++) {
      target[i] += g[i];
    }
  }

  static int[] joinedShape(OpSpec op, List<int[]> inputs) {
    int[] shape = inputs.get(0).clone();
    if (op instanceof OpSpec.Concat) {
      shape[0] = inputs.stream().mapToInt(s -> s[0]).sum();
    }
    return shape;
  }

  /** An add sums its inputs element by element; a concatenation stacks each image's inputs one after another. */
  private static double[] join(OpSpec op, List<double[]> inputs, List<int[]> shapes, int batch, int[] out) {
    int row = size(out);
    double[] y = new double[batch * row];
    int offset = 0;
    for (int i = 0; i < inputs.size(); i++) {
      int block = size(shapes.get(i));
      for (int n = 0; n < batch; n++) {
        for (int e = 0; e < block; e++) {
          y[n * row + (op instanceof OpSpec.Concat ? offset : 0) + e] += inputs.get(i)[n * block + e];
        }
      }
      offset += block;
    }
    return y;
  }

  /** The steps that fuse into the stage before them, each taking a position of its dropout key. */
  private static boolean elementwise(OpSpec op) {
    return op instanceof OpSpec.Relu || op instanceof OpSpec.LeakyRelu || op instanceof OpSpec.Tanh
        || op instanceof OpSpec.Sigmoid || op instanceof OpSpec.Gelu || op instanceof OpSpec.Silu
        || op instanceof OpSpec.Dropout;
  }

  static int[] outShape(OpSpec op, int[] in) {
    if (op instanceof OpSpec.Conv c) {
      return new int[] {c.out(), (in[1] + 2 * c.padH() - c.kh()) / c.stride() + 1,
          (in[2] + 2 * c.padW() - c.kw()) / c.stride() + 1};
    } else if (op instanceof OpSpec.Pool p) {
      return new int[] {in[0], (in[1] + 2 * p.padH() - p.k()) / p.stride() + 1,
          (in[2] + 2 * p.padW() - p.k()) / p.stride() + 1};
    } else if (op instanceof OpSpec.AdaptiveAvgPool a) {
      return new int[] {in[0], a.h(), a.w()};
    } else if (op instanceof OpSpec.Dense d) {
      return new int[] {d.out()};
    } else if (op instanceof OpSpec.Flatten) {
      return new int[] {size(in)};
    }
    return in.clone();
  }

  static int size(int[] shape) {
    return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
  }

  private double[] forward(OpSpec op, double[] x, int batch, int[] in, int[] out, long weight, long bias,
      long runningMean, int key) {
    double[] y = new double[batch * size(out)];
    if (op instanceof OpSpec.Conv c) {
      int h = in[1], w = in[2], oh = out[1], ow = out[2];
      // PyTorch's groups: output channel o sees the ci input channels of its group, from channel first
      int ci = in[0] / c.groups();
      for (int n = 0; n < batch; n++) {
        for (int o = 0; o < c.out(); o++) {
          int first = o / (c.out() / c.groups()) * ci;
          for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
              double sum = bias >= 0 ? params[(int) bias + o] : 0;
              for (int cc = 0; cc < ci; cc++) {
                for (int a = 0; a < c.kh(); a++) {
                  int ih = i * c.stride() - c.padH() + a;
                  if (ih < 0 || ih >= h) {
                    continue;
                  }
                  for (int b = 0; b < c.kw(); b++) {
                    int iw = j * c.stride() - c.padW() + b;
                    if (iw < 0 || iw >= w) {
                      continue;
                    }
                    sum += params[(int) weight + ((o * ci + cc) * c.kh() + a) * c.kw() + b]
                        * x[((n * in[0] + first + cc) * h + ih) * w + iw];
                  }
                }
              }
              y[((n * c.out() + o) * oh + i) * ow + j] = sum;
            }
          }
        }
      }
    } else if (op instanceof OpSpec.Dense d) {
      int features = size(in);
      for (int n = 0; n < batch; n++) {
        for (int o = 0; o < d.out(); o++) {
          double sum = bias >= 0 ? params[(int) bias + o] : 0;
          for (int f = 0; f < features; f++) {
            sum += params[(int) weight + o * features + f] * x[n * features + f];
          }
          y[n * d.out() + o] = sum;
        }
      }
    } else if (op instanceof OpSpec.Pool p) {
      int c = in[0], h = in[1], w = in[2], oh = out[1], ow = out[2];
      for (int plane = 0; plane < batch * c; plane++) {
        for (int i = 0; i < oh; i++) {
          for (int j = 0; j < ow; j++) {
            double best = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int a = 0; a < p.k(); a++) {
              for (int b = 0; b < p.k(); b++) {
                int ih = i * p.stride() - p.padH() + a;
                int iw = j * p.stride() - p.padW() + b;
                if (ih < 0 || ih >= h || iw < 0 || iw >= w) {
                  continue;
                }
                double v = x[(plane * h + ih) * w + iw];
                if (v > best || Double.isNaN(v)) {
                  best = v;
                }
                sum += v;
              }
            }
            y[(plane * oh + i) * ow + j] = p.max() ? best : sum / (p.k() * p.k());
          }
        }
      }
    } else if (op instanceof OpSpec.AdaptiveAvgPool a) {
      int c = in[0], h = in[1], w = in[2];
      for (int plane = 0; plane < batch * c; plane++) {
        for (int i = 0; i < a.h(); i++) {
          for (int j = 0; j < a.w(); j++) {
            int h0 = i * h / a.h(), h1 = ((i + 1) * h + a.h() - 1) / a.h();
            int w0 = j * w / a.w(), w1 = ((j + 1) * w + a.w() - 1) / a.w();
            double sum = 0;
            for (int ih = h0; ih < h1; ih++) {
              for (int iw = w0; iw < w1; iw++) {
                sum += x[(plane * h + ih) * w + iw];
              }
            }
            y[(plane * a.h() + i) * a.w() + j] = sum / ((h1 - h0) * (w1 - w0));
          }
        }
      }
    } else if (op instanceof OpSpec.Lrn l) {
      int c = in[0], plane = in[1] * in[2];
      for (int n = 0; n < batch; n++) {
        for (int ch = 0; ch < c; ch++) {
          for (int q = 0; q < plane; q++) {
            int e = (n * c + ch) * plane + q;
            y[e] = x[e] * Math.pow(lrnScale(l, x, n, c, ch, plane, q), -l.beta());
          }
        }
      }
    } else if (op instanceof OpSpec.BatchNorm b) {
      int channels = in[0];
      int pixels = size(in) / channels;
      int n = batch * pixels;
      for (int c = 0; c < channels; c++) {
        double mean;
        double variance;
        if (training) {
          mean = channelMean(x, batch, channels, pixels, c);
          variance = channelVariance(x, batch, channels, pixels, c, mean);
          // PyTorch's update: the running variance takes the unbiased variance, n / (n - 1) times the biased one
          int rm = (int) runningMean + c;
          int rv = (int) runningMean + channels + c;
          state[rm] = (1 - b.momentum()) * state[rm] + b.momentum() * mean;
          state[rv] = (1 - b.momentum()) * state[rv] + b.momentum() * variance * n / (n - 1);
        } else {
          mean = state[(int) runningMean + c];
          variance = state[(int) runningMean + channels + c];
        }
        double inv = 1 / Math.sqrt(variance + b.eps());
        for (int image = 0; image < batch; image++) {
          for (int q = 0; q < pixels; q++) {
            int e = (image * channels + c) * pixels + q;
            y[e] = (x[e] - mean) * inv * params[(int) weight + c] + params[(int) bias + c];
          }
        }
      }
    } else if (op instanceof OpSpec.Relu) {
      for (int i = 0; i < y.length; i++) {
        y[i] = x[i] < 0 ? 0 : x[i];
      }
    } else if (op instanceof OpSpec.LeakyRelu l) {
      for (int i = 0; i < y.length; i++) {
        y[i] = x[i] > 0 ? x[i] : l.slope() * x[i];
      }
    } else if (op instanceof OpSpec.Tanh) {
      for (int i = 0; i < y.length; i++) {
        y[i] = Math.tanh(x[i]);
      }
    } else if (op instanceof OpSpec.Sigmoid) {
      for (int i = 0; i < y.length; i++) {
        y[i] = sigmoid(x[i]);
      }
    } else if (op instanceof OpSpec.Gelu) {
      for (int i = 0; i < y.length; i++) {
        y[i] = x[i] * ErrorFunction.normalCdf(x[i]); // x * Phi(x), PyTorch's approximate='none'
      }
    } else if (op instanceof OpSpec.Silu) {
      for (int i = 0; i < y.length; i++) {
        y[i] = x[i] * sigmoid(x[i]);
      }
    } else if (op instanceof OpSpec.Dropout d) {
      for (int i = 0; i < y.length; i++) {
        y[i] = !training ? x[i] : DropoutMask.keep(seed, step, key, i, d.p()) ? x[i] / (1 - d.p()) : 0;
      }
    } else {
      System.arraycopy(x, 0, y, 0, y.length); // flatten
    }
    return y;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double channelMean(double[] x, int batch, int channels, int pixels, int c) {
    double sum = 0;
    for (int image = 0; image < batch; image++) {
      for (int q = 0; q < pixels; q++) {
        sum += x[(image * channels + c) * pixels + q];
      }
    }
    return sum / (batch * pixels);
  }

  /** The biased variance: divided by the number of values, as PyTorch normalises in training. */
  private static double channelVariance(double[] x, int batch, int channels, int pixels, int c, double mean) {
    double sum = 0;
    for (int image = 0; image < batch; image++) {
      for (int q = 0; q < pixels; q++) {
        double d = x[(image * channels + c) * pixels + q] - mean;
        sum += d * d;
      }
    }
    return sum / (batch * pixels);
  }

  private static double lrnScale(OpSpec.Lrn l, double[] x, int n, int c, int ch, int plane, int q) {
    double sum = 0;
    for (int j = Math.max(0, ch - l.size() / 2); j <= Math.min(c - 1, ch + (l.size() - 1) / 2); j++) {
      double v = x[(n * c + j) * plane + q];
      sum += v * v;
    }
    return l.k() + l.alpha() / l.size() * sum;
  }

  /** Returns the gradient of the step's input; adds parameter gradients into {@code gradients}. */
  private double[] backward(Record r, double[] g, int batch, double[] gradients) {
    OpSpec op = r.op();
    int[] in = r.inShape();
    int[] out = r.outShape();
    double[] x = r.in();
    double[] dx = new double[x.length];
    if (op instanceof OpSpec.Conv c) {
      int h = in[1], w = in[2], oh = out[1], ow = out[2];
      int ci = in[0] / c.groups(); // the input channels of one group, as in the forward pass
      int weight = (int) r.weight();
      for (int n = 0; n < batch; n++) {
        for (int o = 0; o < c.out(); o++) {
          int first = o / (c.out() / c.groups()) * ci;
          for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
              double gy = g[((n * c.out() + o) * oh + i) * ow + j];
              if (r.bias() >= 0) {
                gradients[(int) r.bias() + o] += gy;
              }
              for (int cc = 0; cc < ci; cc++) {
                for (int a = 0; a < c.kh(); a++) {
                  int ih = i * c.stride() - c.padH() + a;
                  if (ih < 0 || ih >= h) {
                    continue;
                  }
                  for (int b = 0; b < c.kw(); b++) {
                    int iw = j * c.stride() - c.padW() + b;
                    if (iw < 0 || iw >= w) {
                      continue;
                    }
                    int wi = weight + ((o * ci + cc) * c.kh() + a) * c.kw() + b;
                    int xi = ((n * in[0] + first + cc) * h + ih) * w + iw;
                    gradients[wi] += gy * x[xi];
                    dx[xi] += gy * params[wi];
                  }
                }
              }
            }
          }
        }
      }
    } else if (op instanceof OpSpec.Dense d) {
      int features = size(in);
      int weight = (int) r.weight();
      for (int n = 0; n < batch; n++) {
        for (int o = 0; o < d.out(); o++) {
          double gy = g[n * d.out() + o];
          if (r.bias() >= 0) {
            gradients[(int) r.bias() + o] += gy;
          }
          for (int f = 0; f < features; f++) {
            gradients[weight + o * features + f] += gy * x[n * features + f];
            dx[n * features + f] += gy * params[weight + o * features + f];
          }
        }
      }
    } else if (op instanceof OpSpec.Pool p) {
      int c = in[0], h = in[1], w = in[2], oh = out[1], ow = out[2];
      for (int plane = 0; plane < batch * c; plane++) {
        for (int i = 0; i < oh; i++) {
          for (int j = 0; j < ow; j++) {
            double gy = g[(plane * oh + i) * ow + j];
            double best = Double.NEGATIVE_INFINITY;
            int where = -1;
            for (int a = 0; a < p.k(); a++) {
              for (int b = 0; b < p.k(); b++) {
                int ih = i * p.stride() - p.padH() + a;
                int iw = j * p.stride() - p.padW() + b;
                if (ih < 0 || ih >= h || iw < 0 || iw >= w) {
                  continue;
                }
                int xi = (plane * h + ih) * w + iw;
                if (p.max()) {
                  if (x[xi] > best || Double.isNaN(x[xi])) {
                    best = x[xi];
                    where = xi;
                  }
                } else {
                  dx[xi] += gy / (p.k() * p.k());
                }
              }
            }
            if (p.max() && where >= 0) {
              dx[where] += gy;
            }
          }
        }
      }
    } else if (op instanceof OpSpec.AdaptiveAvgPool a) {
      int c = in[0], h = in[1], w = in[2];
      for (int plane = 0; plane < batch * c; plane++) {
        for (int i = 0; i < a.h(); i++) {
          for (int j = 0; j < a.w(); j++) {
            int h0 = i * h / a.h(), h1 = ((i + 1) * h + a.h() - 1) / a.h();
            int w0 = j * w / a.w(), w1 = ((j + 1) * w + a.w() - 1) / a.w();
            double gy = g[(plane * a.h() + i) * a.w() + j] / ((h1 - h0) * (w1 - w0));
            for (int ih = h0; ih < h1; ih++) {
              for (int iw = w0; iw < w1; iw++) {
                dx[(plane * h + ih) * w + iw] += gy;
              }
            }
          }
        }
      }
    } else if (op instanceof OpSpec.Lrn l) {
      int c = in[0], plane = in[1] * in[2];
      for (int n = 0; n < batch; n++) {
        for (int q = 0; q < plane; q++) {
          double[] s = new double[c];
          for (int ch = 0; ch < c; ch++) {
            s[ch] = lrnScale(l, x, n, c, ch, plane, q);
          }
          for (int ch = 0; ch < c; ch++) {
            int e = (n * c + ch) * plane + q;
            double cross = 0;
            for (int j = 0; j < c; j++) {
              if (ch >= j - l.size() / 2 && ch <= j + (l.size() - 1) / 2) {
                int o = (n * c + j) * plane + q;
                cross += g[o] * x[o] * Math.pow(s[j], -l.beta() - 1);
              }
            }
            dx[e] = g[e] * Math.pow(s[ch], -l.beta()) - 2 * l.alpha() * l.beta() / l.size() * x[e] * cross;
          }
        }
      }
    } else if (op instanceof OpSpec.BatchNorm b) {
      int channels = in[0];
      int pixels = size(in) / channels;
      int n = batch * pixels;
      int weight = (int) r.weight();
      int bias = (int) r.bias();
      for (int c = 0; c < channels; c++) {
        // in training the batch's statistics depend on every input, so dx has two more terms; in evaluation the
        // running statistics are constants and BatchNorm is an affine map
        double mean = training ? channelMean(x, batch, channels, pixels, c) : state[(int) r.runningMean() + c];
        double variance = training ? channelVariance(x, batch, channels, pixels, c, mean)
            : state[(int) r.runningMean() + channels + c];
        double inv = 1 / Math.sqrt(variance + b.eps());
        double sum = 0;
        double dot = 0;
        for (int image = 0; image < batch; image++) {
          for (int q = 0; q < pixels; q++) {
            int e = (image * channels + c) * pixels + q;
            sum += g[e];
            dot += g[e] * (x[e] - mean) * inv;
          }
        }
        gradients[weight + c] += dot;
        gradients[bias + c] += sum;
        for (int image = 0; image < batch; image++) {
          for (int q = 0; q < pixels; q++) {
            int e = (image * channels + c) * pixels + q;
            double xhat = (x[e] - mean) * inv;
            dx[e] = training ? (g[e] - sum / n - xhat * dot / n) * inv * params[weight + c]
                : g[e] * inv * params[weight + c];
          }
        }
      }
    } else if (op instanceof OpSpec.Relu) {
      for (int i = 0; i < dx.length; i++) {
        dx[i] = x[i] > 0 ? g[i] : 0;
      }
    } else if (op instanceof OpSpec.LeakyRelu l) {
      for (int i = 0; i < dx.length; i++) {
        dx[i] = x[i] > 0 ? g[i] : l.slope() * g[i];
      }
    } else if (op instanceof OpSpec.Tanh) {
      double[] y = r.out();
      for (int i = 0; i < dx.length; i++) {
        dx[i] = g[i] * (1 - y[i] * y[i]);
      }
    } else if (op instanceof OpSpec.Sigmoid) {
      double[] y = r.out();
      for (int i = 0; i < dx.length; i++) {
        dx[i] = g[i] * y[i] * (1 - y[i]);
      }
    } else if (op instanceof OpSpec.Gelu) {
      for (int i = 0; i < dx.length; i++) {
        dx[i] = g[i] * (ErrorFunction.normalCdf(x[i]) + x[i] * ErrorFunction.normalPdf(x[i]));
      }
    } else if (op instanceof OpSpec.Silu) {
      for (int i = 0; i < dx.length; i++) {
        double s = sigmoid(x[i]);
        dx[i] = g[i] * s * (1 + x[i] * (1 - s));
      }
    } else if (op instanceof OpSpec.Dropout d) {
      for (int i = 0; i < dx.length; i++) {
        dx[i] = !training ? g[i] : DropoutMask.keep(seed, step, r.key(), i, d.p()) ? g[i] / (1 - d.p()) : 0;
      }
    } else {
      System.arraycopy(g, 0, dx, 0, dx.length);
    }
    return dx;
  }
}
