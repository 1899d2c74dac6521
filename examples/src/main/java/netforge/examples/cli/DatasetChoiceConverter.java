package netforge.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code fashion-mnist} or {@code cifar10} (and the spellings {@link DatasetChoice#parse} accepts). */
public final class DatasetChoiceConverter implements ITypeConverter<DatasetChoice> {
  @Override
  public DatasetChoice convert(String value) {
    try {
      return DatasetChoice.parse(value);
    } catch (IllegalArgumentException e) {
      // picocli turns this into a usage error: "Invalid value for option '--dataset': unknown dataset ..."
      throw new TypeConversionException(e.getMessage());
    }
  }
}
