package io.coderoom.runner.protocol;

import java.util.Objects;

/**
 * A language runner agents execute, as listed in {@code languages.json} next to this class.
 *
 * @param id stable id used in jobs ({@code python}, {@code cpp}, ...)
 * @param displayName name shown to people
 * @param version the compiler or runtime version the image ships
 * @param versionCommand prints the version inside the image (tests check it)
 * @param image Docker image (built by {@code deploy/runner-images/build.sh})
 * @param fileName the file the candidate's code is written to, under {@code /code}
 * @param compile shell command compiling the code into {@code /tmp/build}; empty if none
 * @param run shell command running the program
 * @param template starting code shown in a new room
 * @param warmup shell command a new container of this language starts in the background before any
 *     job's code is in it (to preload a compiler); empty if none
 */
public record Language(
    String id,
    String displayName,
    String version,
    String versionCommand,
    String image,
    String fileName,
    String compile,
    String run,
    String template,
    String warmup) {

  public Language {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(run, "run");
    compile = compile == null ? "" : compile;
    versionCommand = versionCommand == null ? "" : versionCommand;
    template = template == null ? "" : template;
    warmup = warmup == null ? "" : warmup;
  }

  public boolean compiled() {
    return !compile.isBlank();
  }

  /**
   * The ending of {@link #fileName} without its dot ({@code py}, {@code java}, {@code cs}): the
   * ending a problem folder's starter and solution files in this language take too.
   */
  public String fileExtension() {
    return fileName.substring(fileName.lastIndexOf('.') + 1);
  }
}
