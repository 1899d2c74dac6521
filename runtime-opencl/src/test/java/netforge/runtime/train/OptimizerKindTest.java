package netforge.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptimizerKindTest {
  @ParameterizedTest
  @CsvSource({
      "sgd, SGD", "SGD, SGD", "momentum, MOMENTUM", "Momentum, MOMENTUM", "nag, NAG", "NAG, NAG",
      "adagrad, ADAGRAD", "AdaGrad, ADAGRAD", "adadelta, ADADELTA", "rmsprop, RMSPROP", "RMSprop, RMSPROP",
      "adam, ADAM", "Adam, ADAM", "adamw, ADAMW", "AdamW, ADAMW", "'  adam ', ADAM"})
  void parse_ignoresCaseAndSurroundingSpace(String name, OptimizerKind expected) {
    assertEquals(expected, OptimizerKind.parse(name));
  }

  @Test
  void parse_unknownName_listsTheValidNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("adamax"));
    assertEquals("unknown optimizer 'adamax'; valid names are sgd, momentum, nag, adagrad, adadelta, rmsprop, adam, "
        + "adamw", e.getMessage());
  }

  @Test
  void parse_null_isAnErrorNotACrash() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse(null));
    assertEquals("unknown optimizer 'null'; valid names are sgd, momentum, nag, adagrad, adadelta, rmsprop, adam, "
        + "adamw", e.getMessage());
  }
}
