package netforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Flattens {@code [channels, height, width]} into {@code [channels * height * width]}, in PyTorch's order. It
 * moves no data. Implicit before the first {@link Dense} when omitted; after it, the network has no spatial
 * layers {@code [nn.NeedsSpatialInput]}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Flatten {}
