package org.chartscribe.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeSnippetsTest {

    @Test
    void findsRunnableBlocksHonoursSkipMarkersAndIgnoresSampleOutput() {
        List<ReadmeSnippets.Snippet> snippets = ReadmeSnippets.parse(List.of(
                "```bash", "curl -sS x", "```",
                "```", "sample output", "```",
                "<!-- snippet: skip needs Azure -->", "```python", "print(1)", "```",
                "* item", "  ```js", "  console.log(1);", "  ```")).snippets();

        assertThat(snippets).extracting(ReadmeSnippets.Snippet::language).containsExactly(
                ReadmeSnippets.Language.BASH, ReadmeSnippets.Language.PYTHON, ReadmeSnippets.Language.JS);
        assertThat(snippets.get(0).runs()).isTrue();
        assertThat(snippets.get(1).skipReason()).isEqualTo("needs Azure");
        assertThat(snippets.get(2).code()).isEqualTo("console.log(1);\n");
        assertThat(snippets.get(2).line()).isEqualTo(12);
    }

    @Test
    void theReadersOwnExportsAreLeftOutAndEverythingElseKept() {
        assertThat(ReadmeSnippetsIT.withoutReaderExports("export CHARTSCRIBE_KEY=cs_...\nexport CHARTSCRIBE_URL=x\ncurl y\n"))
                .isEqualTo("curl y\n");
    }
}
