package org.chartscribe.api;

import org.springframework.context.annotation.Import;

/** The audio job contract on the embedded H2 database. */
@Import(AudioJobsContract.Scripted.class)
class AudioJobsH2IT extends AudioJobsContract {}
