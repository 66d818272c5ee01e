package org.chartscribe.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.regex.Pattern;
import org.chartscribe.jobs.AudioJob;
import org.chartscribe.jobs.AudioJobStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/jobs/{jobId}}: an audio job's state; another tenant's job, like a malformed id, is a 404. */
@RestController
@SecurityRequirement(name = "apiKey")
class JobController {
    private static final Pattern JOB_ID = Pattern.compile("job_[0-9A-HJKMNP-TV-Z]{26}");

    private final AudioJobStore jobs;

    JobController(AudioJobStore jobs) {
        this.jobs = jobs;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JobResponse(String jobId, String status, double progress, String noteId, JobError error,
                       String created_at, String finished_at) {}

    record JobError(String code, String message) {}

    @Operation(summary = "Read an audio job's status and progress", description = "status is queued, running, "
            + "succeeded (noteId set: read the note with GET /v1/note/{noteId}) or failed (error.code and "
            + "error.message, never content); progress rises from 0 to 1 while the recording is recognised.")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such job for this tenant (unknown, malformed, "
            + "another tenant's, or deleted after the retention period)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @GetMapping(path = "/v1/jobs/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    JobResponse read(@RequestAttribute(ApiKeyAuthInterceptor.TENANT) String tenant, @PathVariable String jobId) {
        if (!JOB_ID.matcher(jobId).matches()) {
            throw notFound();
        }
        AudioJob job = jobs.find(tenant, jobId).orElseThrow(JobController::notFound);
        return new JobResponse(job.jobId(), job.status().wire(), job.progress(), job.noteId(),
                job.errorCode() == null ? null : new JobError(job.errorCode(), job.errorMessage()),
                job.createdAt().toString(), job.finishedAt() == null ? null : job.finishedAt().toString());
    }

    private static ApiException notFound() {
        return new ApiException(ProblemCode.NOT_FOUND, "No job with this id exists for this API key's tenant.");
    }
}
