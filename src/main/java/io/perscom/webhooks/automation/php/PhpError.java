package io.perscom.webhooks.automation.php;

/** A runtime error as PHP (or Twig / ExpressionLanguage on top of it) would raise it; the message follows PHP's. */
public class PhpError extends RuntimeException {

    public PhpError(String message) {
        super(message);
    }

    public PhpError(String message, Throwable cause) {
        super(message, cause);
    }
}
