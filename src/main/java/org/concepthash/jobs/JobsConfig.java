package org.concepthash.jobs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * Training job settings ({@code concepthash.jobs.*} in application.yml), validated at start.
 *
 * @param recipes recipe names offered for jobs (files {@code recipes/NAME.yaml} on the class path)
 * @param pollInterval how often an idle worker looks for a queued job
 * @param heartbeatInterval how often a busy worker reports progress and proves it is alive
 * @param staleAfter a running job whose worker has not reported for this long is requeued
 * @param demoEpochs epochs of the demo job started after the demo catalog is seeded
 * @param trainingThreads PyTorch intra-op threads while training; 0 = the engine's default
 */
@Context
@ConfigurationProperties("concepthash.jobs")
public record JobsConfig(
    @NotEmpty List<String> recipes,
    @NotNull Duration pollInterval,
    @NotNull Duration heartbeatInterval,
    @NotNull Duration staleAfter,
    @Min(1) int demoEpochs,
    @Min(0) int trainingThreads) {}
