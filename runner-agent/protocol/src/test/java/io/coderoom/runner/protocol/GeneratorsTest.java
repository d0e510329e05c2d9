package io.coderoom.runner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
  private static JsonNode expand(String json) {
    return Generators.expand(Json.tree(json));
  }

  @Test
  void rangesRepeatsConcatenationsAndJoinsExpand() {
    assertThat(expand("{\"$range\": [5, 4, -2]}").toString()).isEqualTo("[5,3,1,-1]");
    assertThat(expand("{\"$repeat\": [\"ab\", 3]}").asText()).isEqualTo("ababab");
    assertThat(expand("{\"$repeat\": [[1], 2]}").toString()).isEqualTo("[[1],[1]]");
    assertThat(expand("{\"$concat\": [{\"$range\": [0, 2, 1]}, [9]]}").toString())
        .isEqualTo("[0,1,9]");
    assertThat(
            expand("{\"$concat\": [\" \", {\"$join\": [{\"$range\": [1, 3, 1]}, \"  \"]}]}")
                .asText())
        .isEqualTo(" 1  2  3");
    // Generators inside an argument list, literal values left as they are.
    assertThat(expand("[{\"$range\": [0, 2, 1]}, 7, \"x\"]").toString())
        .isEqualTo("[[0,1],7,\"x\"]");
    assertThat(Generators.generated(Json.tree("[[1, 2], 3]"))).isFalse();
    assertThat(Generators.generated(Json.tree("[[1], {\"$range\": [0, 1, 1]}]"))).isTrue();
  }

  @Test
  void malformedOrOversizedGeneratorsAreRefusedClearly() {
    assertThatThrownBy(() -> expand("{\"$range\": [0, 3]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$range takes 3 arguments");
    assertThatThrownBy(() -> expand("{\"$shuffle\": [1]}"))
        .hasMessageContaining("unknown generator $shuffle");
    assertThatThrownBy(() -> expand("{\"$concat\": [\"a\", [1]]}"))
        .hasMessageContaining("not a mix");
    assertThatThrownBy(() -> expand("{\"$repeat\": [\"abcde\", 2000000]}"))
        .hasMessageContaining("at most");
    assertThatThrownBy(() -> expand("{\"$range\": [0, 3000000, 1]}"))
        .hasMessageContaining("count must be");
  }
}
