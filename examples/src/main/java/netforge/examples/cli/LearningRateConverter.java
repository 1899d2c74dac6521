package netforge.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --lr}: a finite number of 0 or more. Checked here, in the option's terms, because the optimizer's own
 * check speaks PyTorch's ("lr must be a number >= 0"), and NaN is how the optimizer settings mark a learning rate
 * that is still required, so {@code --lr NaN} would otherwise read as a missing one.
 */
public final class LearningRateConverter implements ITypeConverter<Double> {
  @Override
  public Double convert(String value) {
    double rate;
    try {
      rate = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a number; give a learning rate such as 0.001");
    }
    if (!Double.isFinite(rate) || rate < 0) {
      // picocli prefixes "Invalid value for option '--lr': "
      throw new TypeConversionException("'" + value + "' is not a usable learning rate; give a finite number of 0 "
          + "or more, such as 0.001");
    }
    return rate;
  }
}
