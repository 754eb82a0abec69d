package dev.odoomcp.wrapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client message on its way through the server: emits what comes back, and makes sure a
 * request gets exactly one response for its id — the server's, or an error saying what went wrong.
 * A notification's failure is only logged (the client is not waiting for anything).
 */
final class Exchange {

    private final JsonRpcMessage request;
    private final Context context;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile boolean expired;
    private volatile InputStream body;

    /** What every exchange shares. */
    record Context(JsonCodec codec, LineWriter out, SessionState session, Faults faults, WrapperLog log) {}

    Exchange(JsonRpcMessage request, Context context) {
        this.request = request;
        this.context = context;
    }

    JsonRpcMessage request() {
        return request;
    }

    boolean expired() {
        return expired;
    }

    /** The deadline passed: stop reading; {@link #finish} will then report the timeout. */
    void expire() {
        expired = true;
        InputStream current = body;
        if (current != null) {
            closeQuietly(current);
        }
    }

    /** Registers the body being read, so that {@link #expire} can interrupt a stalled read. */
    void reading(InputStream stream) {
        body = stream;
        if (expired) {
            closeQuietly(stream);
        }
    }

    /** Parses one JSON text from the server and emits the message(s) in it. */
    void emitJson(String text) {
        for (JsonRpcMessage message : context.codec().parseMessages(text)) {
            emit(message);
        }
    }

    /** Emits one server message; the response to our request only once, with our id if it lacked one. */
    void emit(JsonRpcMessage message) {
        JsonRpcMessage out = message;
        if (request.expectsResponse()
                && message.response()
                && message.method() == null
                && (message.id() == null || message.id().equals("null"))) {
            out = context.codec().withId(message, request.id());
        }
        if (out.answers(request.id())) {
            if (!answered.compareAndSet(false, true)) {
                context.log().warn("Dropped a second response for id " + request.id());
                return;
            }
            if (JsonRpcMessage.INITIALIZE.equals(request.method())) {
                context.codec().protocolVersion(out).ifPresent(context.session()::protocolVersion);
            }
        }
        context.out().writeLine(out.json());
    }

    /** Reports a failure: an error response for a request still unanswered, a log line otherwise. */
    void fail(int code, String message) {
        String text = context.log().redact(message);
        if (request.expectsResponse()) {
            if (answered.compareAndSet(false, true)) {
                context.log().warn("Request " + request.method() + " (id " + request.id() + ") failed: " + text);
                context.out().writeLine(context.codec().errorResponse(request.id(), code, text));
            }
        } else {
            context.log().warn("Message " + describe() + " failed: " + text);
        }
    }

    /** Called when the answer is over: a request nobody answered gets an error now. */
    void finish(int status) {
        if (request.expectsResponse() && !answered.get()) {
            fail(
                    Faults.INTERNAL_ERROR,
                    expired ? context.faults().timedOut() : context.faults().noAnswer(status));
        }
    }

    boolean answered() {
        return answered.get();
    }

    String describe() {
        String method = request.method() == null ? "(response)" : request.method();
        return request.id() == null ? method : method + " (id " + request.id() + ")";
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // closing only to unblock a reader; nothing to do
        }
    }
}
