package org.chartscribe.smart;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notes a SMART session generated ({@code smart_session_notes}). A session is one launch for one
 * patient: approving only its own notes keeps a note drafted in another launch, for another patient,
 * out of this chart even when its id is known.
 */
@Component
public class SmartSessionNotes {
    private final JdbcClient jdbc;
    private final Clock clock;

    SmartSessionNotes(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public void remember(SmartSession session, String noteId) {
        jdbc.sql("INSERT INTO smart_session_notes (note_id, session_hash, created_at) VALUES (?, ?, ?)")
                .params(noteId, Secrets.sha256(session.sessionId()), JdbcSmartStore.toDb(clock.instant()))
                .update();
    }

    public boolean generatedIn(SmartSession session, String noteId) {
        return jdbc.sql("SELECT COUNT(*) FROM smart_session_notes WHERE note_id = ? AND session_hash = ?")
                .params(noteId, Secrets.sha256(session.sessionId())).query(Long.class).single() > 0;
    }
}
