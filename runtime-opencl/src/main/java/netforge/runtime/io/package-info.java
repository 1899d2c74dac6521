/**
 * Reading and writing tensors as safetensors files, the checkpoint format of HuggingFace, PyTorch and JAX.
 *
 * <ul>
 *   <li>{@link netforge.runtime.io.Safetensors}: a network's parameters, saved and loaded by name, as PyTorch's
 *       {@code state_dict} names and shapes them.
 *   <li>{@link netforge.runtime.io.SafetensorsFile}: any safetensors file, read strictly; its
 *       {@link netforge.runtime.io.SafetensorsFile#writer() writer} writes one.
 *   <li>{@link netforge.runtime.io.AtomicFiles}: every write replaces its file whole or not at all.
 * </ul>
 *
 * <p>A malformed file, or one that does not fit the network, fails with a
 * {@link netforge.runtime.io.SafetensorsException} whose message starts with the file and says what is wrong.
 */
package netforge.runtime.io;
