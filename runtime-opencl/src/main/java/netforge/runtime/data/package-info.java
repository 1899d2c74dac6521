/**
 * Training data: the two data sets the tutorial uses, read from their official files, found or downloaded, turned
 * into normalised float batches.
 *
 * <ul>
 *   <li>{@link netforge.runtime.data.Dataset}: a data set as a user trains on it: its classes, its splits, the
 *       pipeline that fits its images to a network and the {@link netforge.runtime.data.ImageInput} that prepares
 *       one image file the same way. Fashion-MNIST falls back to its bundled subset, announced.
 *   <li>{@link netforge.runtime.data.ImageFolder}: the user's own pictures, one sub-directory per class, split by
 *       {@code train/} and {@code test/} or by a seeded fraction, decoded to the network's input shape.
 *   <li>{@link netforge.runtime.data.ImageSet}: images as uint8 CHW bytes plus labels, with where they came from.
 *   <li>{@link netforge.runtime.data.FashionMnist} and {@link netforge.runtime.data.Cifar10}: readers of the official
 *       files that reject broken input with a {@link netforge.runtime.data.DatasetException} naming the file.
 *   <li>{@link netforge.runtime.data.DatasetLocator}: looks in a given directory, Debian's package directory and a
 *       cache, then downloads (checksum-checked) with a {@link netforge.runtime.data.Downloader}.
 *   <li>{@link netforge.runtime.data.Transform}s that compute what torchvision computes, composed in a
 *       {@link netforge.runtime.data.TransformPipeline}; {@link netforge.runtime.data.TransformPresets} names the
 *       tutorial's pipelines.
 *   <li>{@link netforge.runtime.data.BatchLoader}: deterministic shuffled batches, prepared on a background thread.
 * </ul>
 */
package netforge.runtime.data;
