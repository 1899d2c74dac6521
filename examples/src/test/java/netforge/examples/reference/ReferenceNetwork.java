package netforge.examples.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netforge.runtime.internal.DropoutMask;
import netforge.runtime.spec.LayerSpec;
import netforge.runtime.spec.NetworkSpec;
import netforge.runtime.spec.OpSpec;
import netforge.runtime.spec.ParamSpec;

/**
 * The test oracle: every layer of the DSL, forward and backward, written the plain way in double precision,
 * straight from PyTorch's definitions, sharing nothing with the generated kernels but the dropout hash (so that
 * the same elements are dropped). Slow on purpose: loops, no tiling, no fusion.
 */
public final class ReferenceNetwork {
  private final NetworkSpec spec;
  private final double[] params;
  private final long seed;
  private final int step;
  private final boolean training;

  /** The result of {@link #run}: logits, mean loss, and the gradients of the mean loss. */
  public record Result(double[] logits, double loss, double[] gradients, double[] inputGradient) {}

  public ReferenceNetwork(NetworkSpec spec, double[] params, long seed, int step, boolean training) {
    this.spec = spec;
    this.params = params;
    this.seed = seed;
    this.step = step;
    this.training = training;
  }

  /** One step of the walk: the op, its stage and epilogue position, and its input and output. */
  private record Record(OpSpec op, int[] inShape, int[] outShape, double[] in, double[] out, long weight,
      long bias, int key) {}

  /** Forward through every step; with {@code labels}, also the loss and all gradients. */
  public Result run(double[] input, int batch, int[] labels) {
    List<Record> records = new ArrayList<>();
    List<ParamSpec> parameterList = spec.parameters();
    int paramIndex = 0;
    int stage = 0;
    int position = 0;
    double[] x = input;
    int[] shape = spec.inputShape();
    for (LayerSpec layer : spec.layers()) {
      for (OpSpec op : layer.ops()) {
        long weight = -1;
        long bias = -1;
        if (op instanceof OpSpec.Conv || op instanceof OpSpec.Dense) {
          weight = parameterList.get(paramIndex++).offset();
          boolean hasBias = op instanceof OpSpec.Conv c ? c.bias() : ((OpSpec.Dense) op).bias();
          if (hasBias) {
            bias = parameterList.get(paramIndex++).offset();
          }
        }
        boolean reduction = !(op instanceof OpSpec.Relu || op instanceof OpSpec.Dropout
            || op instanceof OpSpec.Flatten);
        if (reduction) {
          stage++;
          position = 0;
        }
        int key = DropoutMask.key(stage, position);
        if (op instanceof OpSpec.Relu || op instanceof OpSpec.Dropout) {
          position++;
        }
        int[] outShape = outShape(op, shape);
        double[] y = forward(op, x, batch, shape, outShape, weight, bias, key);
        records.add(new Record(op, shape, outShape, x, y, weight, bias, key));
        x = y;
        shape = outShape;
      }
    }
    double[] logits = x;
    if (labels == null) {
      return new Result(logits, Double.NaN, null, null);
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
    for (int i = records.size() - 1; i >= 0; i--) {
      g = backward(records.get(i), g, batch, gradients);
    }
    return new Result(logits, loss / batch, gradients, g);
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
      int key) {
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
    } else if (op instanceof OpSpec.Relu) {
      for (int i = 0; i < y.length; i++) {
        y[i] = x[i] < 0 ? 0 : x[i];
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
    } else if (op instanceof OpSpec.Relu) {
      for (int i = 0; i < dx.length; i++) {
        dx[i] = x[i] > 0 ? g[i] : 0;
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
