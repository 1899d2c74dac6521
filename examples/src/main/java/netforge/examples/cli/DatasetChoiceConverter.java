package netforge.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code --dataset} value, as {@link DatasetChoice#parse} does. */
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
