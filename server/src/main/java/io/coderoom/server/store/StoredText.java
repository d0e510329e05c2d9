package io.coderoom.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Text as PostgreSQL can store it. A {@code text} column refuses the NUL character (the insert
 * fails with {@code invalid byte sequence for encoding "UTF8": 0x00}), {@code jsonb} refuses the
 * escape {@code \u0000}, and an unpaired UTF-16 surrogate has no UTF-8 form at all. Program output,
 * names from query strings and audit details can hold any of them, so every string the server binds
 * goes through {@link #ARGUMENTS}, and every JSON it writes to {@code jsonb} through {@link #json}:
 * each of those characters becomes U+FFFD, visibly, and the write succeeds.
 */
public final class StoredText {
  /** What a character PostgreSQL cannot store becomes. */
  public static final char REPLACEMENT = '\uFFFD';

  /**
   * Binds every {@code String} through {@link #storable}. Registered on the server's Jdbi, it takes
   * precedence over Jdbi's own string argument, so no store can forget it.
   */
  public static final AbstractArgumentFactory<String> ARGUMENTS = new StringArguments();

  private static final ObjectMapper JSONB = jsonbMapper();
  private static final ObjectMapper READER = JsonMapper.builder().build();

  private StoredText() {}

  /** The text with NUL and unpaired surrogates replaced by U+FFFD; the same string when clean. */
  public static String storable(String text) {
    int first = firstUnstorable(text);
    if (first < 0) {
      return text;
    }
    StringBuilder safe = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        safe.append(REPLACEMENT);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        safe.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        safe.append(REPLACEMENT);
      } else {
        safe.append(c);
      }
    }
    return safe.toString();
  }

  /** Whether PostgreSQL stores the text as it is. */
  public static boolean isStorable(String text) {
    return firstUnstorable(text) < 0;
  }

  private static int firstUnstorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return i;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /** A value as JSON for a {@code jsonb} column: never with {@code \u0000}. */
  public static String json(Object value) {
    try {
      return JSONB.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serializable as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** JSON text from elsewhere (a runner's report), rewritten for a {@code jsonb} column. */
  public static String jsonText(String json) {
    try {
      return json(READER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectMapper jsonbMapper() {
    JsonMapper mapper = JsonMapper.builder().build();
    mapper.getFactory().setCharacterEscapes(new NoNulEscapes());
    return mapper;
  }

  /** Jackson escapes NUL as {@code \u0000}, which {@code jsonb} refuses; write U+FFFD instead. */
  private static final class NoNulEscapes extends CharacterEscapes {
    private static final SerializableString REPLACED = new SerializedString("\\uFFFD");
    private final int[] ascii;

    NoNulEscapes() {
      ascii = standardAsciiEscapesForJSON();
      ascii[0] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0 ? REPLACED : null;
    }
  }

  private static final class StringArguments extends AbstractArgumentFactory<String> {
    StringArguments() {
      super(Types.VARCHAR);
    }

    @Override
    protected Argument build(String value, ConfigRegistry config) {
      String safe = storable(value);
      return (position, statement, context) -> statement.setString(position, safe);
    }
  }
}
