package org.chartscribe.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.List;
import org.chartscribe.note.NoteService;
import org.chartscribe.note.NoteSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/notes}: the tenant's live notes, newest first, without content; cursor paging. */
@RestController
class NoteListController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final NoteService notes;

    NoteListController(NoteService notes) {
        this.notes = notes;
    }

    record Item(String noteId, String specialty, @JsonProperty("created_at") Instant createdAt,
                @JsonProperty("expires_at") Instant expiresAt) {}

    /** {@code next_cursor} is null on the last page. */
    record Page(List<Item> notes, @JsonProperty("next_cursor") String nextCursor) {}

    @Operation(summary = "List the tenant's live notes, newest first (ids, specialty, created, expires; no content)")
    @GetMapping("/v1/notes")
    Page list(@RequestAttribute(ApiKeyAuthInterceptor.TENANT) String tenant,
              @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false) String cursor,
              @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) String limit) {
        int size = limit(limit);
        if (cursor != null && !NoteLookups.isNoteId(cursor)) {
            throw ApiException.validation(List.of(new FieldError("cursor", "must be a next_cursor from a previous page")));
        }
        List<NoteSummary> found = notes.list(tenant, cursor, size + 1);
        List<Item> page = found.stream().limit(size)
                .map(n -> new Item(n.noteId(), n.specialty(), n.createdAt(), n.expiresAt())).toList();
        return new Page(page, found.size() > size ? page.get(page.size() - 1).noteId() : null);
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiException.validation(List.of(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT)));
    }
}
