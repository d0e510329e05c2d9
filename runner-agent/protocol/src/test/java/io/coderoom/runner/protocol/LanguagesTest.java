package io.coderoom.runner.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {
  @Test
  void listsTheSevenRunnerLanguages() {
    assertThat(Languages.builtIn().all())
        .extracting(Language::id)
        .containsExactly("python", "javascript", "typescript", "java", "cpp", "go", "csharp");
  }

  @Test
  void everyLanguageIsComplete() {
    for (Language language : Languages.builtIn().all()) {
      assertThat(language.displayName()).isNotBlank();
      assertThat(language.version()).isNotBlank();
      assertThat(language.template()).isNotBlank();
      assertThat(language.image()).isEqualTo("coderoom/runner-" + language.id() + ":bookworm");
      assertThat(language.run()).startsWith("exec ");
      assertThat(language.fileName()).doesNotContain("/");
    }
    assertThat(Languages.builtIn().find("cpp").orElseThrow().compiled()).isTrue();
    assertThat(Languages.builtIn().find("python").orElseThrow().compiled()).isFalse();
    assertThat(Languages.builtIn().find("cobol")).isEmpty();
  }

  @Test
  void theFileExtensionIsTheEndingOfTheFileName() {
    assertThat(Languages.builtIn().all())
        .extracting(Language::fileExtension)
        .containsExactly("py", "js", "ts", "java", "cpp", "go", "cs");
    assertThat(Languages.builtIn().fileExtension("csharp")).isEqualTo("cs");
    assertThat(Languages.builtIn().fileExtension("cobol")).isEqualTo("cobol");
  }
}
