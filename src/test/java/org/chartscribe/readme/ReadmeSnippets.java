package org.chartscribe.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown file in the languages a user runs (bash/sh, python, js).
 * A block is run by {@link ReadmeSnippetsIT} unless the line before its fence is
 * {@code <!-- snippet: skip REASON -->}; a fence without one of those languages (sample output) is not
 * a snippet at all.
 */
record ReadmeSnippets(List<Snippet> snippets) {

    enum Language { BASH, PYTHON, JS }

    /** {@code line} is the 1-based line of the opening fence; {@code skipReason} null when it runs. */
    record Snippet(int line, Language language, String code, String skipReason) {
        boolean runs() {
            return skipReason == null;
        }

        @Override
        public String toString() {
            return language + " snippet at README.md line " + line;
        }
    }

    private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([\\w+-]*)\\s*$");
    private static final Pattern SKIP = Pattern.compile("^\\s*<!--\\s*snippet:\\s*skip\\s+(.+?)\\s*-->\\s*$");

    static ReadmeSnippets read(Path markdown) throws IOException {
        return parse(Files.readAllLines(markdown));
    }

    static ReadmeSnippets parse(List<String> lines) {
        List<Snippet> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            int close = i + 1;
            StringBuilder code = new StringBuilder();
            while (close < lines.size() && !FENCE.matcher(lines.get(close)).matches()) {
                String line = lines.get(close);
                code.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
                close++;
            }
            Language language = language(open.group(2));
            if (language != null) {
                String skip = null;
                if (i > 0) {
                    Matcher marker = SKIP.matcher(lines.get(i - 1));
                    skip = marker.matches() ? marker.group(1) : null;
                }
                found.add(new Snippet(i + 1, language, code.toString(), skip));
            }
            i = close;
        }
        return new ReadmeSnippets(List.copyOf(found));
    }

    private static Language language(String tag) {
        return switch (tag.toLowerCase(java.util.Locale.ROOT)) {
            case "bash", "sh", "shell" -> Language.BASH;
            case "python", "py" -> Language.PYTHON;
            case "js", "javascript", "node" -> Language.JS;
            default -> null;
        };
    }
}
