package org.chartscribe.note;

/** An engine was asked for by name but is not configured on this server. */
public final class EngineUnavailableException extends RuntimeException {
    private final String engine;

    public EngineUnavailableException(String engine) {
        super("The '" + engine + "' engine is not configured on this server.");
        this.engine = engine;
    }

    public String engine() {
        return engine;
    }
}
