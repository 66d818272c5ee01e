package org.chartscribe.config;

import java.nio.file.Path;

/** The owner-only scratch directory of the audio path ({@code uploads/} for multipart bodies, {@code speech/} for models). */
public record AudioWorkDir(Path path) {}
