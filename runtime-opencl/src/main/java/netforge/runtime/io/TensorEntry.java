package netforge.runtime.io;

/**
 * One tensor as a header describes it, after the checks that need nothing but the entry itself: a known dtype,
 * a shape of non-negative dimensions whose byte size fits in a {@code long}, and two non-negative offsets.
 *
 * @param headerIndex where the entry stands in the header, to keep ties (empty tensors) in a stable order
 */
record TensorEntry(String name, Dtype dtype, long[] shape, long byteLength, long begin, long end, int headerIndex) {
  TensorEntry {
    shape = shape.clone();
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  long elementCount() {
    return byteLength / dtype.size();
  }
}
