/**
 * Image files as a network sees them: {@link netforge.runtime.image.ImageFile} reads any file
 * {@code javax.imageio} can decode, refusing what would give wrong pixels or exhaust memory with an
 * {@link netforge.runtime.image.UnreadableImageException} that names the file; {@link
 * netforge.runtime.image.DatasetPixels} turns the decoded picture into the bytes the data sets store (grey or RGB,
 * channel after channel), by the rules PIL uses. {@link netforge.runtime.data.ImageInput} builds a network input on
 * them.
 */
package netforge.runtime.image;
