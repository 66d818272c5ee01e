package org.chartscribe.note;

/**
 * Runs store writes as one unit: all of them are kept or none (one database transaction). A new note
 * and its {@code note.created} audit row go in together, so no note exists that the audit trail does
 * not show, and the database commits once per note instead of twice.
 */
@FunctionalInterface
public interface UnitOfWork {

    /** Runs {@code work}; a runtime exception from it undoes every write inside, then propagates. */
    void inOne(Runnable work);

    /** For stores without transactions (in-memory test stores): the work runs as it is. */
    UnitOfWork DIRECT = Runnable::run;
}
