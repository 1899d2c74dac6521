package netforge.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NameSuggestionTest {
  private static final List<String> LENET = List.of("c1.weight", "c1.bias", "c3.weight", "f5.weight", "output.bias");

  @Test
  void closest_typo_isSuggested() {
    assertEquals(Optional.of("c3.weight"), NameSuggestion.closest("c3.weights", LENET));
    assertEquals(Optional.of("output.bias"), NameSuggestion.closest("outptu.bias", LENET));
  }

  @Test
  void closest_wrapperPrefix_isSuggested() {
    assertEquals(Optional.of("f5.weight"), NameSuggestion.closest("module.f5.weight", LENET));
  }

  @Test
  void closest_anotherNetworksLayer_isNotSuggested() {
    assertEquals(Optional.empty(), NameSuggestion.closest("conv1.weight", LENET));
    assertEquals(Optional.empty(), NameSuggestion.closest("features.0.weight", LENET));
  }

  @Test
  void closest_absurdlyLongName_isNotCompared() {
    assertEquals(Optional.empty(), NameSuggestion.closest("x".repeat(1_000_000), List.of("x".repeat(999_999))));
  }

  @Test
  void editDistance_countsInsertionsDeletionsSubstitutionsAndSwaps() {
    assertEquals(0, NameSuggestion.editDistance("fc6", "fc6"));
    assertEquals(1, NameSuggestion.editDistance("fc6", "fc7"));
    assertEquals(3, NameSuggestion.editDistance("conv1", "c1"));
    assertEquals(1, NameSuggestion.editDistance("weigth", "weight"));
    assertEquals(3, NameSuggestion.editDistance("", "abc"));
    assertEquals(3, NameSuggestion.editDistance("kitten", "sitting"));
  }
}
