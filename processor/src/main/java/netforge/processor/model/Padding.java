package netforge.processor.model;

/**
 * The padding rule shared by {@code @Conv}, {@code @MaxPool} and {@code @AvgPool}: {@code p} pads both axes,
 * {@code ph} and {@code pw} one axis each, and an unset {@code ph} or {@code pw} ({@value #SAME_AS_P}, the
 * annotations' default) means "as {@code p}".
 */
public final class Padding {
  /** The default of {@code ph} and {@code pw}: take the value of {@code p}. */
  public static final int SAME_AS_P = -1;

  private Padding() {}

  /** The padding of one axis: its own value when given, otherwise {@code p}'s. */
  public static int resolve(int p, int axis) {
    return axis == SAME_AS_P ? p : axis;
  }

  /** Whether {@code ph} or {@code pw} is given beside a non-zero {@code p}, which would say the padding twice. */
  public static boolean givenTwice(int p, int ph, int pw) {
    return p != 0 && (ph != SAME_AS_P || pw != SAME_AS_P);
  }
}
