package org.chartscribe.api;

/** The lifecycle contract on the default embedded H2 file database. */
class NoteLifecycleH2IT extends NoteLifecycleContract {}
