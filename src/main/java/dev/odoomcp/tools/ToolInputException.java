package dev.odoomcp.tools;

/**
 * A tool's input cannot be used as given. Becomes a tool result with {@code isError} whose text
 * tells the model what to send instead; never a protocol error.
 */
public class ToolInputException extends RuntimeException {

    public ToolInputException(String message) {
        super(message, null, false, false);
    }
}
