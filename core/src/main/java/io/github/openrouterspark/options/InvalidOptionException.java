package io.github.openrouterspark.options;

/** A reader option with a wrong name or value; raised before any request is sent. */
public final class InvalidOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidOptionException(String message) {
    super(message);
  }

  public static InvalidOptionException badValue(String option, String value, String allowed) {
    return new InvalidOptionException(
        "Invalid value '"
            + value
            + "' for option '"
            + option
            + "' of format 'openrouter': "
            + allowed
            + ".");
  }
}
