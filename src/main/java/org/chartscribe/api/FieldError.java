package org.chartscribe.api;

/** One invalid field of a request; the message never repeats the submitted value. */
public record FieldError(String field, String message) {}
