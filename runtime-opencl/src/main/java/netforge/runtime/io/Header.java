package netforge.runtime.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed safetensors header: the free-form metadata, and the tensor entries in the order the header lists them. */
record Header(Map<String, String> metadata, List<TensorEntry> tensors) {
  Header {
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    tensors = List.copyOf(tensors);
  }
}
