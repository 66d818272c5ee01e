package org.chartscribe.note;

/** Which engine wrote a note: {@code embedded} or {@code llm}, and its version. */
public record EngineInfo(String name, String version) {}
