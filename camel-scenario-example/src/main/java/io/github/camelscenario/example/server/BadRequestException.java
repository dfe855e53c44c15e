package io.github.camelscenario.example.server;

/** A request the server refuses; becomes a JSON error body {@code {"message": ..., "code": ...}}. */
class BadRequestException extends RuntimeException {

    private final int status;
    private final String code;

    BadRequestException(String message) {
        this(400, "INVALID_REQUEST", message);
    }

    BadRequestException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
