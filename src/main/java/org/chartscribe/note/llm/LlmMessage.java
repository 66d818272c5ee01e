package org.chartscribe.note.llm;

/** One chat message. */
public record LlmMessage(Role role, String text) {

    public enum Role { SYSTEM, USER, ASSISTANT }

    public static LlmMessage system(String text) {
        return new LlmMessage(Role.SYSTEM, text);
    }

    public static LlmMessage user(String text) {
        return new LlmMessage(Role.USER, text);
    }

    public static LlmMessage assistant(String text) {
        return new LlmMessage(Role.ASSISTANT, text);
    }

    /** Redacted: prompts carry the transcript. */
    @Override
    public String toString() {
        return "LlmMessage[role=" + role + ", text=<" + text.length() + " chars>]";
    }
}
